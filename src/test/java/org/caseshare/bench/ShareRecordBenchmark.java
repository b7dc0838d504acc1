package org.caseshare.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caseshare.CaseshareApplication;
import org.caseshare.audit.UnauditedTrail;
import org.caseshare.directory.Directory;
import org.caseshare.identity.Account;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.TestClock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit trail's cost on the product's commonest audited work: a practitioner records a share
 * and completes its checklist (two transactions, each with its audit entries, its policy decision
 * and its event publications), at 1 to 64 concurrent writers, with the trail and — in a second
 * context on the same database whose trail writes nothing ({@link UnauditedTrail}) — without it.
 * {@link AuditBenchmark} measures the same on a one-row change, the trail's worst case. A first
 * audited round warms the JIT for both and is not counted.
 */
public final class ShareRecordBenchmark {

    private static final int SECONDS_PER_RUN = Integer.getInteger("bench.seconds", 10);
    private static final int[] WRITERS = {1, 4, 16, 64};

    private ShareRecordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.out.printf("Share record benchmark on PostgreSQL (embedded), %d cores, %d s per run%n",
                    Runtime.getRuntime().availableProcessors(), SECONDS_PER_RUN);
            // The first context warms the JIT for both (classes are shared): its figures are thrown away.
            measure(url, false);
            double[] without = measure(url, true);
            double[] audited = measure(url, false);
            String last = "";
            for (int i = 0; i < WRITERS.length; i++) {
                last = "share records %d writers: %.0f changes/s audited, %.0f without audit, ratio %.2f".formatted(WRITERS[i],
                        audited[i], without[i], audited[i] / without[i]);
                System.out.println(last);
            }
            System.out.println(last);
        }
    }

    /** Changes (audited transactions) per second at each number of writers, in a context of its own. */
    private static double[] measure(String url, boolean withoutAudit) throws Exception {
        SpringApplicationBuilder builder = withoutAudit
                ? new SpringApplicationBuilder(CaseshareApplication.class, UnauditedTrail.Instead.class)
                : new SpringApplicationBuilder(CaseshareApplication.class);
        try (ConfigurableApplicationContext context = builder.web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=80", "--server.port=0", "--caseshare.data-dir=target/bench-shares",
                        "--caseshare.crypto.keyset-file=target/bench-shares/keyset.json", "--caseshare.crypto.warm-up-mb=0",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            Fixtures fixtures = new Fixtures(context.getBean(Directory.class), context.getBean(Members.class), context.getBean(ApiTokens.class),
                    new TestClock(), context.getBean(SharingRegister.class));
            Account practitioner = fixtures.person(fixtures.organisation("Bench council"), Role.PRACTITIONER);
            for (int warmUp = 0; warmUp < 200; warmUp++) {
                fixtures.hubShare(practitioner, null, "jo.teacher@school.example.org");
            }
            double[] perSecond = new double[WRITERS.length];
            for (int i = 0; i < WRITERS.length; i++) {
                perSecond[i] = run(fixtures, practitioner, WRITERS[i]);
                System.out.printf("%s %2d writers: %,8.0f changes/s%n", withoutAudit ? "without audit" : "audited      ", WRITERS[i], perSecond[i]);
            }
            return perSecond;
        }
    }

    private static double run(Fixtures fixtures, Account practitioner, int writers) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            counts.add(pool.submit(() -> {
                long changes = 0;
                while (!stop.get()) {
                    fixtures.hubShare(practitioner, null, "jo.teacher@school.example.org");
                    changes += 2; // the record, then its checklist: two audited transactions
                }
                return changes;
            }));
        }
        Thread.sleep(SECONDS_PER_RUN * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
