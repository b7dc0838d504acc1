package org.caseshare.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caseshare.CaseshareApplication;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.retention.Retention;
import org.caseshare.sharing.RegisterTotals;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.TestClock;
import org.caseshare.system.Actor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention path at scale on PostgreSQL: 100,000 register records closed long ago (each with a
 * subject) are listed by the daily job's listing, then deleted by a DPO's "approve all" — batches of
 * {@code caseshare.retention.batch-size}, each its own transaction with a tombstone and an audit
 * entry per record — while another thread records shares without pause. Prints the deletion rate and
 * the other writes' p50/p95/max, before (alone) and during the deletion. Not a test: run it with
 * {@code bench/retention/run.sh}.
 */
public final class RetentionBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 100_000);
    private static final int BASELINE_SECONDS = Integer.getInteger("bench.baseline-seconds", 20);

    private RetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.out.printf("Retention benchmark on PostgreSQL (embedded), %d cores, %,d due records%n",
                    Runtime.getRuntime().availableProcessors(), RECORDS);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false)
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                            "--caseshare.data-dir=target/bench-retention", "--caseshare.crypto.keyset-file=target/bench-retention/keyset.json",
                            "--caseshare.crypto.warm-up-mb=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
                run(context);
            }
        }
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        Fixtures fixtures = new Fixtures(context.getBean(Directory.class), context.getBean(Members.class), context.getBean(ApiTokens.class),
                new TestClock(), context.getBean(SharingRegister.class));
        Retention retention = context.getBean(Retention.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Organisation council = fixtures.organisation("Bench council");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        Actor dpoActor = new Actor(dpo.id(), council.id(), dpo.displayName(), Set.of(Role.DATA_PROTECTION_OFFICER.name()));

        long start = System.nanoTime();
        generate(jdbc, council.id(), practitioner.id(), RECORDS);
        jdbc.execute("vacuum analyze sharing_record");
        jdbc.execute("vacuum analyze sharing_subject");
        // Bulk-loaded past the register: count its totals as the register would have, so deleting adjusts them as in use.
        context.getBean(RegisterTotals.class).recount(council.id());
        System.out.printf("Generated %,d closed records in %.1f s%n", RECORDS, seconds(start));
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            fixtures.hubShare(practitioner, null, "jo.teacher@school.example.org");
        }

        start = System.nanoTime();
        int listed = retention.listDue(council.id());
        System.out.printf("Listed %,d due records in %.1f s%n", listed, seconds(start));

        List<Long> alone = writeWhile(fixtures, practitioner, () -> Thread.sleep(BASELINE_SECONDS * 1000L));
        report("shares recorded alone", alone, BASELINE_SECONDS);

        long[] deleted = {0};
        double[] took = {0};
        List<Long> during = writeWhile(fixtures, practitioner, () -> {
            long t = System.nanoTime();
            retention.approve(dpoActor, List.of(), true);
            took[0] = seconds(t);
        });
        deleted[0] = jdbc.queryForObject("select count(*) from retention_tombstone where organisation_id = ?", Long.class, council.id());
        Long left = jdbc.queryForObject("select count(*) from sharing_record where organisation_id = ? and status = 'CLOSED'", Long.class, council.id());
        System.out.printf("Deleted %,d records in %.1f s: %,.0f records/s (%,d closed records left)%n", deleted[0], took[0], deleted[0] / took[0], left);
        report("shares recorded during deletion", during, took[0]);
    }

    /** Bulk inserts in SQL: closed shares from 2018 (past six years), one subject each, with a name, as the register keeps them. */
    private static void generate(JdbcTemplate jdbc, UUID organisation, UUID practitioner, int count) {
        String org = "'" + organisation + "'::uuid";
        jdbc.update("insert into sharing_record (id, organisation_id, version, form_token, direction, status, urgency, marking,"
                + " categories, channel, decision, information, purpose, details, recipient_organisation, recipient_org_key,"
                + " recipient_name, required_safeguards, decided_by, decided_by_name, policy_version, policy_sha256,"
                + " assessment_summary, created_by, created_at, updated_at, closed_at)"
                + " select md5(" + org + "::text || g)::uuid, " + org + ", 1, 'bench-' || g, 'WE_SHARE', 'CLOSED', 'ROUTINE', 'OFFICIAL',"
                + " 'PERSONAL', (array['TELEPHONE','EMAIL','POST','SECURE_HUB'])[1 + g % 4], 'SHARE', 'Attendance summary',"
                + " 'Assessment of needs', '{}', 'Recipient Organisation ' || (g % 500), 'recipient organisation ' || (g % 500),"
                + " 'Recipient ' || g, '', '" + practitioner + "'::uuid, 'Bench Practitioner', 1, repeat('0', 64), 'bench', '" + practitioner
                + "'::uuid, timestamp with time zone '2018-01-01' + (g % 300) * interval '1 day',"
                + " timestamp with time zone '2018-06-01' + (g % 300) * interval '1 day',"
                + " timestamp with time zone '2018-06-01' + (g % 300) * interval '1 day' from generate_series(1, ?) g", count);
        jdbc.update("insert into sharing_subject (record_id, organisation_id, position, name, name_key, local_reference, reference_key)"
                + " select md5(" + org + "::text || g)::uuid, " + org + ", 0, 'Pupil ' || g, 'pupil ' || g, 'C-' || g, 'c-' || g"
                + " from generate_series(1, ?) g", count);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Records shares on another thread, one after another, while {@code work} runs; each one's time in nanoseconds. */
    private static List<Long> writeWhile(Fixtures fixtures, Account practitioner, Work work) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<List<Long>> times = writer.submit(() -> {
            List<Long> each = new ArrayList<>();
            while (!stop.get()) {
                long t = System.nanoTime();
                fixtures.hubShare(practitioner, null, "jo.teacher@school.example.org");
                each.add(System.nanoTime() - t);
            }
            return each;
        });
        try {
            work.run();
        } finally {
            stop.set(true);
        }
        List<Long> result = times.get();
        writer.shutdown();
        return result;
    }

    private static void report(String what, List<Long> times, double seconds) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf("%s: %,d shares (record + checklist) in %.1f s, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, n, seconds,
                sorted.get(n / 2) / 1e6, sorted.get((int) Math.ceil(n * 0.95) - 1) / 1e6, sorted.get(n - 1) / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
