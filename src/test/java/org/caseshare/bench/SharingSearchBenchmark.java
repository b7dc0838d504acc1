package org.caseshare.bench;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caseshare.CaseshareApplication;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the register's searches on PostgreSQL with a million sharing records in one organisation
 * (and a few smaller tenants beside it): the same calls the register page makes (count, then one
 * sorted page of 25 with its people). Not a test: run it with {@code bench/sharing/run.sh}.
 */
public final class SharingSearchBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);

    public static void main(String[] args) throws Exception {
        String url = System.getenv("CASESHARE_BENCH_POSTGRES_URL");
        String user = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CASESHARE_BENCH_POSTGRES_PASSWORD", "postgres");
        EmbeddedPostgres embedded = null;
        if (url == null) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        System.out.printf("Sharing register search on PostgreSQL (%s), %d cores, %,d records, %d runs per query%n",
                embedded == null ? url : "embedded", Runtime.getRuntime().availableProcessors(), RECORDS, RUNS);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseshareApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--caseshare.data-dir=target/bench",
                        "--caseshare.crypto.keyset-file=target/bench/keyset.json", "--spring.main.banner-mode=off",
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
            jdbc.execute("vacuum analyze sharing_subject");
            System.out.printf("Generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            searches(context, big.id());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Bulk inserts in SQL: spread over two years, eight statuses, seven channels, 500 recipient organisations. */
    private static void generate(JdbcTemplate jdbc, UUID organisation, int count) {
        String org = "'" + organisation + "'::uuid";
        jdbc.update("insert into sharing_record (id, organisation_id, version, form_token, direction, status, urgency, marking,"
                + " categories, channel, decision, information, purpose, details, recipient_organisation, recipient_org_key,"
                + " recipient_name, required_safeguards, decided_by, decided_by_name, policy_version, policy_sha256,"
                + " assessment_summary, created_by, created_at, updated_at)"
                + " select md5(" + org + "::text || g)::uuid, " + org + ", 1, 'bench-' || g, 'WE_SHARE',"
                + " (array['READY','AWAITING_AUTHORISATION','AUTHORISED','SHARED','RECEIPT_CONFIRMED','CLOSED','DECLINED','CANCELLED'])[1 + g % 8],"
                + " 'ROUTINE', (array['OFFICIAL','OFFICIAL_SENSITIVE'])[1 + g % 2], 'PERSONAL',"
                + " (array['TELEPHONE','EMAIL','POST','FAX','SECURE_HUB','BY_HAND','REMOVABLE_DEVICE'])[1 + g % 7], 'SHARE',"
                + " 'Attendance summary', 'Assessment of needs', '{}', 'Recipient Organisation ' || (g % 500),"
                + " 'recipient organisation ' || (g % 500), 'Recipient ' || g, '', " + org + ", 'Bench Practitioner', 1,"
                + " repeat('0', 64), 'bench', " + org + ", timestamp with time zone '2025-01-01' + (g % 730) * interval '1 day' + (g % 86400) * interval '1 second',"
                + " now() from generate_series(1, ?) g", count);
        jdbc.update("insert into sharing_subject (record_id, organisation_id, position, name, name_key, date_of_birth, local_reference,"
                + " reference_key) select md5(" + org + "::text || g)::uuid, " + org + ", 0, 'Person ' || g, 'person ' || g,"
                + " date '2010-01-01' + (g % 3000), 'C-' || g, 'c-' || g from generate_series(1, ?) g", count);
    }

    private static void searches(ConfigurableApplicationContext context, UUID organisation) throws Exception {
        Class<?> searchType = Class.forName("org.caseshare.sharing.RegisterSearch");
        Class<?> filterType = Class.forName("org.caseshare.sharing.RegisterSearch$Filter");
        Object search = context.getBean(searchType);
        Method count = searchType.getDeclaredMethod("count", UUID.class, filterType);
        Method page = searchType.getDeclaredMethod("search", UUID.class, filterType, int.class, int.class);
        count.setAccessible(true);
        page.setAccessible(true);
        var filter = filterType.getDeclaredConstructors()[0];
        filter.setAccessible(true);
        // person, recipient, recipientContains, channel, marking, status, from, to, sort, ascending
        Object[][] queries = {
                {"no filter, newest first", new Object[] {null, null, false, null, null, null, null, null, null, false}},
                {"by status", new Object[] {null, null, false, null, null, "SHARED", null, null, null, false}},
                {"by channel + one month", new Object[] {null, null, false, "EMAIL", null, null, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), null, false}},
                {"by person reference", new Object[] {"C-123457", null, false, null, null, null, null, null, null, false}},
                {"by person name", new Object[] {"Person 123457", null, false, null, null, null, null, null, null, false}},
                {"by recipient organisation (exact)", new Object[] {null, "Recipient Organisation 42", false, null, null, null, null, null, "recipient", true}},
                {"by recipient organisation, newest", new Object[] {null, "Recipient Organisation 42", false, null, null, null, null, null, null, false}},
                {"by recipient name containing", new Object[] {null, "Recipient Organisation 42", true, null, null, null, null, null, "recipient", true}},
                {"by status, page 40, oldest first", new Object[] {null, null, false, null, null, "CLOSED", null, null, null, true}},
        };
        System.out.printf("%-36s %8s %10s %10s %10s%n", "query (count + page of 25)", "rows", "p50 ms", "p95 ms", "max ms");
        // -Dbench.only=name picks the queries whose label contains "name" (say, to skip the slow opt-in one).
        String only = System.getProperty("bench.only", "");
        for (Object[] query : queries) {
            if (!((String) query[0]).contains(only)) {
                continue;
            }
            Object f = filter.newInstance((Object[]) query[1]);
            int pageNumber = ((String) query[0]).contains("page 40") ? 40 : 0;
            long rows = 0;
            for (int warm = 0; warm < 5; warm++) {
                Object counted = count.invoke(search, organisation, f);
                Method value = counted.getClass().getDeclaredMethod("value");
                value.setAccessible(true);
                rows = (long) value.invoke(counted);
                page.invoke(search, organisation, f, pageNumber, 25);
            }
            long[] times = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long t = System.nanoTime();
                count.invoke(search, organisation, f);
                ((List<?>) page.invoke(search, organisation, f, pageNumber, 25)).size();
                times[run] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            System.out.printf("%-36s %,8d %10.1f %10.1f %10.1f%n", query[0], rows, times[RUNS / 2] / 1e6,
                    times[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, times[RUNS - 1] / 1e6);
        }
    }
}
