package org.caseshare.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caseshare.CaseshareApplication;
import org.caseshare.audit.AuditCheckpoints;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.audit.AuditVerification;
import org.caseshare.audit.VerificationReport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the audit trail on PostgreSQL: appends per second (one entry per transaction, as the
 * application writes them, with 1 to 64 concurrent writers) and the time to verify a million entries.
 * Not a test: run it with {@code bench/audit/run.sh}. Set CASESHARE_BENCH_POSTGRES_URL (and _USER,
 * _PASSWORD) to use a real server instead of the embedded one.
 */
public final class AuditBenchmark {

    private static final int SECONDS_PER_RUN = Integer.getInteger("bench.seconds", 10);
    private static final long VERIFY_ENTRIES = Long.getLong("bench.entries", 1_000_000);

    public static void main(String[] args) throws Exception {
        String url = System.getenv("CASESHARE_BENCH_POSTGRES_URL");
        EmbeddedPostgres embedded = null;
        String user = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_PASSWORD", "postgres");
        if (url == null) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        System.out.printf("Audit benchmark on PostgreSQL (%s), %d cores, %d s per run, synchronous_commit=%s%n",
                embedded == null ? url : "embedded", Runtime.getRuntime().availableProcessors(), SECONDS_PER_RUN,
                System.getProperty("bench.synchronous-commit", "on"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                // Arguments, not default properties, so they win over application.yml.
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--spring.datasource.hikari.maximum-pool-size=64",
                        "--server.port=0", "--caseshare.data-dir=target/bench", "--caseshare.crypto.keyset-file=target/bench/keyset.json",
                        "--caseshare.audit.checkpoint-every=1h", "--caseshare.audit.checkpoint-every-entries=1000000000",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        // -Dbench.synchronous-commit=off shows what the disk's flush latency costs.
                        "--spring.datasource.hikari.connection-init-sql=set synchronous_commit = "
                                + System.getProperty("bench.synchronous-commit", "on"))) {
            appends(context);
            verification(context);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void appends(ConfigurableApplicationContext context) throws Exception {
        AuditTrail audit = context.getBean(AuditTrail.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        UUID organisation = null;
        for (int writers : new int[] {1, 4, 16, 64}) {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                String actor = "bench-" + w;
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        transaction.execute(status -> audit.record(new AuditEvent("bench.append", actor, organisation,
                                "record:" + UUID.randomUUID(), AuditEvent.Outcome.SUCCESS, java.util.Map.of("field", "status"))));
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep(SECONDS_PER_RUN * 1000L);
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("append: %2d writers, one entry per transaction: %,8.0f entries/s (%,d in %.1f s)%n",
                    writers, total / seconds, total, seconds);
        }
    }

    private static void verification(ConfigurableApplicationContext context) throws Exception {
        long have;
        try (Connection connection = context.getBean(DataSource.class).getConnection(); Statement sql = connection.createStatement()) {
            var rs = sql.executeQuery("select last_seq from audit_head");
            rs.next();
            have = rs.getLong(1);
            if (have < VERIFY_ENTRIES) {
                long start = System.nanoTime();
                // Seeding only (plain inserts, which the append-only triggers allow): rows shaped like real ones.
                sql.execute("""
                        insert into audit_entry (seq, occurred_at, actor_id, organisation_id, action, target, outcome, client_address, details)
                        select s, now(), 'a1b2c3d4-0000-4000-8000-' || lpad(s::text, 12, '0'), null, 'bench.seed',
                               'record:' || md5(s::text), 'SUCCESS', '10.0.0.1', '{"field":"status"}'
                        from generate_series(%d, %d) s""".formatted(have + 1, VERIFY_ENTRIES));
                sql.execute("update audit_head set last_seq = " + VERIFY_ENTRIES);
                System.out.printf("seed: %,d entries inserted in %.1f s%n", VERIFY_ENTRIES - have, (System.nanoTime() - start) / 1e9);
            }
            sql.execute("vacuum analyze audit_entry");
        }
        AuditCheckpoints checkpoints = context.getBean(AuditCheckpoints.class);
        long start = System.nanoTime();
        long size = checkpoints.checkpointNow().orElseThrow().treeSize();
        System.out.printf("checkpoint: signed tree size %,d in %.2f s (from the latest checkpoint's frontier, or from the first entry if none)%n",
                size, (System.nanoTime() - start) / 1e9);
        AuditVerification verification = context.getBean(AuditVerification.class);
        for (int run = 1; run <= 2; run++) {
            start = System.nanoTime();
            VerificationReport report = verification.verify(List.of());
            System.out.printf("verify (run %d): %,d entries, %d checkpoints, %s in %.2f s%n", run, report.entriesChecked(),
                    report.checkpointsChecked(), report.ok() ? "OK" : "FAILED " + report.firstFailure().orElseThrow(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
