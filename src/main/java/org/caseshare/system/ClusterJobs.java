package org.caseshare.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ClusterJob} once across the cluster with db-scheduler: each job's next run is a
 * row in {@code scheduled_tasks}; the node that picks a due row (an optimistic update on its
 * version, so only one can) runs the job and keeps a heartbeat; when it finishes, the next run is
 * set an interval later. A node killed mid-run stops beating, and after a few missed heartbeats
 * another node runs the job again. Replaces per-node {@code @Scheduled}, which ran every job on
 * every node. Not started for the command line.
 */
@Component
@ConditionalOnProperty(name = "caseshare.cli", havingValue = "false", matchIfMissing = true)
public class ClusterJobs implements SmartLifecycle {

    /** db-scheduler's instance name for a recurring task's single row. */
    static final String INSTANCE = RecurringTask.INSTANCE;

    private final DataSource dataSource;
    private final List<RecurringTask<Void>> tasks;
    private final JobsProperties properties;
    private final JdbcClient jdbc;
    private volatile Scheduler scheduler;

    ClusterJobs(DataSource dataSource, List<ClusterJob> jobs, JobsProperties properties, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every())).execute((instance, context) -> job.work().run()))
                .toList();
    }

    /** A stopped db-scheduler cannot start again, so every start builds a new one (a paused test context restarts). */
    private Scheduler newScheduler() {
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(Math.max(2, Math.min(tasks.size(), 4)))
                .pollingInterval(properties.pollEvery())
                .heartbeatInterval(properties.heartbeatEvery())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .schedulerName(new SchedulerName.Fixed(properties.nodeName()))
                // A failing job is logged without its stack trace: exception messages can carry data.
                .failureLogging(LogLevel.WARN, false)
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    /** Every job as the database has it, for the system administrator. */
    public List<JobStatus> status() {
        return jdbc.sql("""
                select task_name, execution_time, picked, picked_by, last_success, last_failure, consecutive_failures, last_heartbeat
                from scheduled_tasks order by task_name""")
                .query((rs, n) -> new JobStatus(rs.getString("task_name"), instant(rs, "execution_time"), rs.getBoolean("picked"),
                        rs.getString("picked_by"), instant(rs, "last_success"), instant(rs, "last_failure"),
                        rs.getInt("consecutive_failures"), instant(rs, "last_heartbeat")))
                .list();
    }

    /** One job's row: when it runs next, who runs it now, how its last runs went. */
    public record JobStatus(String name, Instant nextRun, boolean running, String runningOn, Instant lastSuccess, Instant lastFailure,
            int consecutiveFailures, Instant lastHeartbeat) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = newScheduler();
            scheduler.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
