package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Scheduled work runs once across the cluster. Two extra "nodes" (schedulers with their own names,
 * as separate processes would have) share this context's database; each test job records which
 * node ran it.
 */
abstract class ClusterJobsTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterJobs jobs;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    /**
     * A node polling ten times a second. Its heartbeat is every second, so a node counts as dead
     * after four missed (4 s): with 200 ms heartbeats a node's own heartbeat thread, late by under a
     * second on a loaded two-core machine, had its own running job declared dead and run again.
     */
    private ClusterJobs node(String name, ClusterJob job) {
        return new ClusterJobs(dataSource, List.of(job), new JobsProperties(Duration.ofMillis(100), Duration.ofSeconds(1), 4, name), jdbc);
    }

    @Test
    void everyModulesJobIsScheduledInTheDatabase() {
        assertThat(jobs.status()).extracting(ClusterJobs.JobStatus::name).contains("audit-checkpoint", "custody-overdue-reminders",
                "hub-request-reminders", "hub-sweep", "mail-retry", "receipt-report-retry", "retention-due");
    }

    @Test
    void aJobDueOnTwoNodesRunsOnOneOfThem() throws Exception {
        String name = "test-once-" + System.nanoTime();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        ClusterJob job = new ClusterJob(name, Duration.ofMillis(200), () -> {
            ranOn.add(Thread.currentThread().getName());
            await(release);
        });
        ClusterJobs a = node("node-a", job);
        ClusterJobs b = node("node-b", job);
        a.start();
        b.start();
        try {
            waitFor(() -> !ranOn.isEmpty());
            String runningOn = jdbc.sql("select picked_by from scheduled_tasks where task_name = ?").param(name).query(String.class).single();
            assertThat(runningOn).isIn("node-a", "node-b");
            // Both nodes poll ten times a second: give the other one twenty chances to run it too.
            Thread.sleep(2_000);
            assertThat(ranOn).as("still running on one node, never started on the other").hasSize(1);
        } finally {
            release.countDown();
            a.stop();
            b.stop();
        }
    }

    @Test
    void aJobWhoseNodeDiedMidRunRunsAgainElsewhere() throws Exception {
        String name = "test-revive-" + System.nanoTime();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        ClusterJob job = new ClusterJob(name, Duration.ofHours(1), () -> ranOn.add("node-b"));
        ClusterJobs b = node("node-b", job);
        b.start(); // schedules the job an hour from now
        try {
            waitFor(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(name).query(Long.class).single() == 1);
            // A node picked it a while ago, then was killed: it stopped sending heartbeats.
            jdbc.sql("""
                    update scheduled_tasks set picked = true, picked_by = 'killed-node', execution_time = current_timestamp,
                        last_heartbeat = current_timestamp - interval '1' hour, version = version + 1 where task_name = ?""")
                    .param(name).update();

            // Revived, run on node-b and completed. The completion can lose a race with a second revival
            // (db-scheduler: "Expected one execution to be updated, but updated 0"), in which case the run
            // comes round again a few heartbeats later: wait for the recorded success, not the first run.
            waitFor(() -> jdbc.sql("select last_success from scheduled_tasks where task_name = ?").param(name)
                    .query(Timestamp.class).list().stream().anyMatch(Objects::nonNull));
            assertThat(ranOn).as(row(name)).isNotEmpty().containsOnly("node-b");
            assertThat(jobs.status()).filteredOn(status -> status.name().equals(name)).singleElement()
                    .satisfies(status -> assertThat(status.lastSuccess()).as(row(name)).isNotNull());
        } finally {
            b.stop();
        }
    }

    private String row(String name) {
        return jdbc.sql("select * from scheduled_tasks where task_name = ?").param(name).query().listOfRows().toString();
    }

    @Test
    void theSystemAdministratorSeesEveryJob() throws Exception {
        Account admin = fixtures.person(fixtures.organisation("Hosting"), Role.ORGANISATION_ADMIN);
        jdbc.sql("update account set system_admin = true where id = ?").param(admin.id()).update();
        Visitor visitor = fixtures.signIn(mvc, admin);
        visitor.get("/system/jobs").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"job-hub-sweep\"")))
                .andExpect(content().string(containsString("id=\"job-audit-checkpoint\"")));
        visitor.get("/").andExpect(content().string(containsString("href=\"/system/jobs\"")));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the condition (failing after a minute, which only a broken scheduler takes). */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited a minute").isNegative();
            Thread.sleep(20);
        }
    }
}
