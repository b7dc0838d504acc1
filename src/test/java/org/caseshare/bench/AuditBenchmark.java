package org.caseshare.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the audit trail on PostgreSQL: changes per second with and without their audit entry
 * (one change and its entry per transaction, as the application writes them, 1 to 64 concurrent
 * writers), how long an entry waits for the sequencer, and the time to verify a million entries.
 * Not a test: run it with {@code bench/audit/run.sh}. Set CASESHARE_BENCH_POSTGRES_URL (and _USER,
 * _PASSWORD) to use a real server instead of the embedded one.
 */
public final class AuditBenchmark {

    private static final int SECONDS_PER_RUN = Integer.getInteger("bench.seconds", 10);
    private static final long VERIFY_ENTRIES = Long.getLong("bench.entries", 1_000_000);
    /** -Dbench.writers=64 measures only that many writers; -Dbench.pool=10 the application's own pool size. */
    private static final String WRITERS = System.getProperty("bench.writers", "1,4,16,64");
    private static final String POOL = System.getProperty("bench.pool", "80");
    /** -Dbench.sample-delay=false when the sequencer is switched off, to measure the writers' side alone. */
    private static final boolean SAMPLE_DELAY = Boolean.parseBoolean(System.getProperty("bench.sample-delay", "true"));

    public static void main(String[] args) throws Exception {
        String url = System.getenv("CASESHARE_BENCH_POSTGRES_URL");
        EmbeddedPostgres embedded = null;
        String user = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_PASSWORD", "postgres");
        if (url == null) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        System.out.printf("Audit benchmark on PostgreSQL (%s), %d cores, %d s per run, synchronous_commit=%s, pool %s%n",
                embedded == null ? url : "embedded", Runtime.getRuntime().availableProcessors(), SECONDS_PER_RUN,
                System.getProperty("bench.synchronous-commit", "on"), POOL);
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--spring.datasource.hikari.maximum-pool-size=" + POOL,
                "--server.port=0", "--caseshare.data-dir=target/bench", "--caseshare.crypto.keyset-file=target/bench/keyset.json",
                "--caseshare.audit.checkpoint-every=1h", "--caseshare.audit.checkpoint-every-entries=1000000000",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // -Dbench.synchronous-commit=off shows what the disk's flush latency costs.
                "--spring.datasource.hikari.connection-init-sql=set synchronous_commit = "
                        + System.getProperty("bench.synchronous-commit", "on")));
        // -Dbench.args="--caseshare.audit.max-backlog=5000" tries other settings.
        for (String extra : System.getProperty("bench.args", "").split("\\s+")) {
            if (!extra.isBlank()) {
                arguments.add(extra);
            }
        }
        // Arguments, not default properties, so they win over application.yml.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(arguments.toArray(String[]::new))) {
            appends(context);
            verification(context);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** What one run measured: changes per second, and the integration delays sampled meanwhile. */
    private record Run(double perSecond, List<Long> delaysNanos) {
        double p99Millis() {
            if (delaysNanos.isEmpty()) {
                return 0;
            }
            List<Long> sorted = delaysNanos.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        }
    }

    /**
     * The same business transaction (one row written) with and without its audit entry, at 1 to 64
     * concurrent writers: the difference is what the trail costs, and the ratio at 64 writers says
     * whether writers still queue behind one another.
     */
    private static void appends(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("create table if not exists bench_change (id uuid primary key, changed_at timestamp with time zone not null, field varchar(40))");
        String last = "";
        for (String count : WRITERS.split(",")) {
            int writers = Integer.parseInt(count.trim());
            Run without = run(context, writers, false);
            Run audited = run(context, writers, true);
            System.out.printf("%2d writers: %,8.0f changes/s audited, %,8.0f without audit, ratio %.2f, integration delay p99 %.0f ms (%d samples)%n",
                    writers, audited.perSecond(), without.perSecond(), audited.perSecond() / without.perSecond(), audited.p99Millis(),
                    audited.delaysNanos().size());
            last = "audit %d writers: %.0f changes/s audited, %.0f without audit, ratio %.2f, integration delay p99 %.0f ms".formatted(writers,
                    audited.perSecond(), without.perSecond(), audited.perSecond() / without.perSecond(), audited.p99Millis());
        }
        context.getBean(AuditTrail.class).sequenceOf(context.getBean(AuditTrail.class).record(
                AuditEvent.success("bench.done", "bench", null, "bench:done")), Duration.ofMinutes(1));
        System.out.println(last);
    }

    private static Run run(ConfigurableApplicationContext context, int writers, boolean audit) throws Exception {
        AuditTrail trail = context.getBean(AuditTrail.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<UUID> latest = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            String actor = "bench-" + w;
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    UUID entry = transaction.execute(status -> {
                        UUID change = UUID.randomUUID();
                        jdbc.update("insert into bench_change (id, changed_at, field) values (?, now(), 'status')", change);
                        return audit ? trail.record(new AuditEvent("bench.change", actor, null, "record:" + change,
                                AuditEvent.Outcome.SUCCESS, Map.of("field", "status"))) : null;
                    });
                    if (entry != null) {
                        latest.set(entry);
                    }
                    n++;
                }
                return n;
            }));
        }
        // Samples how long a committed entry waits for its sequence number, a few times a second.
        Future<List<Long>> delays = pool.submit(() -> {
            List<Long> sampled = new ArrayList<>();
            while (audit && SAMPLE_DELAY && !stop.get()) {
                UUID entry = latest.get();
                long committed = System.nanoTime();
                if (entry != null) {
                    while (jdbc.queryForList("select seq from audit_entry where pending_id = ?", Long.class, entry).isEmpty()) {
                        Thread.sleep(1);
                    }
                    sampled.add(System.nanoTime() - committed);
                }
                Thread.sleep(50);
            }
            return sampled;
        });
        Thread.sleep(SECONDS_PER_RUN * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sampled = delays.get();
        pool.shutdown();
        return new Run(total / seconds, sampled);
    }

    /** Seeds through the trail itself (sealed, then sequenced), 1,000 entries a transaction on two threads. */
    private static void seed(ConfigurableApplicationContext context, long count) throws Exception {
        AuditTrail trail = context.getBean(AuditTrail.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UUID>> lasts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            long mine = count / 2 + (t == 0 ? count % 2 : 0);
            lasts.add(pool.submit(() -> {
                UUID last = null;
                for (long done = 0; done < mine; done += 1000) {
                    long batch = Math.min(1000, mine - done);
                    last = transaction.execute(status -> {
                        UUID id = null;
                        for (int i = 0; i < batch; i++) {
                            id = trail.record(new AuditEvent("bench.seed", "a1b2c3d4-0000-4000-8000-000000000001", null,
                                    "record:" + UUID.randomUUID(), AuditEvent.Outcome.SUCCESS, Map.of("field", "status")));
                        }
                        return id;
                    });
                }
                return last;
            }));
        }
        for (Future<UUID> last : lasts) {
            trail.sequenceOf(last.get(), Duration.ofMinutes(10));
        }
        pool.shutdown();
    }

    private static void verification(ConfigurableApplicationContext context) throws Exception {
        long have;
        try (Connection connection = context.getBean(DataSource.class).getConnection(); Statement sql = connection.createStatement()) {
            var rs = sql.executeQuery("select last_seq from audit_head");
            rs.next();
            have = rs.getLong(1);
            if (have < VERIFY_ENTRIES) {
                long start = System.nanoTime();
                seed(context, VERIFY_ENTRIES - have);
                System.out.printf("seed: %,d entries written and sequenced in %.1f s%n", VERIFY_ENTRIES - have, (System.nanoTime() - start) / 1e9);
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
