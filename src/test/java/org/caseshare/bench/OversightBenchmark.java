package org.caseshare.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caseshare.CaseshareApplication;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.system.Actor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the oversight dashboard's figures for a year (against the year before, with the monthly
 * trend and what needs attention now) on PostgreSQL with a million sharing records in one
 * organisation, generated as {@link SharingSearchBenchmark} does. Not a test: run it with
 * {@code bench/oversight/run.sh}.
 */
public final class OversightBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 30);

    public static void main(String[] args) throws Exception {
        String url = System.getenv("CASESHARE_BENCH_POSTGRES_URL");
        String user = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_PASSWORD", "postgres");
        EmbeddedPostgres embedded = null;
        if (url == null) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        System.out.printf("Oversight figures on PostgreSQL (%s), %d cores, %,d records, %d runs%n",
                embedded == null ? url : "embedded", Runtime.getRuntime().availableProcessors(), RECORDS, RUNS);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--caseshare.data-dir=target/bench-oversight",
                        "--caseshare.crypto.keyset-file=target/bench-oversight/keyset.json", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            Directory directory = context.getBean(Directory.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Organisation big = directory.createTenant("Bench Council " + UUID.randomUUID(), OrganisationKind.COUNCIL, "bench");
            long start = System.nanoTime();
            generate(jdbc, big.id(), RECORDS);
            for (int i = 0; i < 3; i++) {
                generate(jdbc, directory.createTenant("Bench Other " + UUID.randomUUID(), OrganisationKind.COUNCIL, "bench").id(),
                        RECORDS / 20);
            }
            jdbc.execute("vacuum analyze sharing_record"); // as autovacuum would after a bulk load
            System.out.printf("Generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            dashboard(context, big.id());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Bulk inserts in SQL: two years (2025 and 2026), eight statuses, seven channels, 500 recipient organisations. */
    private static void generate(JdbcTemplate jdbc, UUID organisation, int count) {
        String org = "'" + organisation + "'::uuid";
        jdbc.update("insert into sharing_record (id, organisation_id, version, form_token, direction, status, urgency, marking,"
                + " categories, channel, decision, information, purpose, details, recipient_organisation, recipient_org_key,"
                + " recipient_name, required_safeguards, decided_by, decided_by_name, policy_version, policy_sha256,"
                + " assessment_summary, created_by, created_at, updated_at, call_back_outcome)"
                + " select md5(" + org + "::text || g)::uuid, " + org + ", 1, 'bench-' || g,"
                + " (array['WE_SHARE','WE_SHARE','REQUEST_RECEIVED','REQUEST_MADE'])[1 + g % 4],"
                + " (array['READY','AWAITING_AUTHORISATION','AUTHORISED','SHARED','RECEIPT_CONFIRMED','CLOSED','DECLINED','REFUSED'])[1 + g % 8],"
                + " 'ROUTINE', (array['OFFICIAL','OFFICIAL_SENSITIVE'])[1 + g % 2], 'PERSONAL',"
                + " (array['TELEPHONE','EMAIL','POST','FAX','SECURE_HUB','BY_HAND','REMOVABLE_DEVICE'])[1 + g % 7], 'SHARE',"
                + " 'Attendance summary', 'Assessment of needs', '{}', 'Recipient Organisation ' || (g % 500),"
                + " 'recipient organisation ' || (g % 500), 'Recipient ' || g, '', " + org + ", 'Bench Practitioner', 1,"
                + " repeat('0', 64), 'bench', " + org + ", timestamp with time zone '2025-01-01' + (g % 730) * interval '1 day' + (g % 86400) * interval '1 second',"
                + " now(), case when g % 4 = 2 and g % 3 = 0 then 'VERIFIED' end from generate_series(1, ?) g", count);
    }

    private static void dashboard(ConfigurableApplicationContext context, UUID organisation) throws Exception {
        Class<?> figuresType = Class.forName("org.caseshare.oversight.OversightFigures");
        Class<?> periodType = Class.forName("org.caseshare.oversight.Period");
        Object figures = context.getBean(figuresType);
        Method report = figuresType.getDeclaredMethod("report", Actor.class, periodType);
        report.setAccessible(true);
        Constructor<?> period = periodType.getDeclaredConstructor(LocalDate.class, LocalDate.class);
        period.setAccessible(true);
        Actor dpo = new Actor(UUID.randomUUID(), organisation, "Bench DPO", Set.of("DATA_PROTECTION_OFFICER"));
        Object[][] periods = {
                {"a year (2026) vs the one before", period.newInstance(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))},
                {"a month (June 2026) vs May", period.newInstance(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30))},
        };
        System.out.printf("%-36s %10s %10s %10s%n", "dashboard period", "p50 ms", "p95 ms", "max ms");
        for (Object[] p : periods) {
            for (int warm = 0; warm < 3; warm++) {
                report.invoke(figures, dpo, p[1]);
            }
            long[] times = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long t = System.nanoTime();
                report.invoke(figures, dpo, p[1]);
                times[run] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            System.out.printf("%-36s %10.1f %10.1f %10.1f%n", p[0], times[RUNS / 2] / 1e6,
                    times[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, times[RUNS - 1] / 1e6);
        }
    }
}
