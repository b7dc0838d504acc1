package org.caseshare.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a real PostgreSQL: one embedded server per test JVM (started here, from
 * Maven Central binaries), a fresh database per context. Set CASESHARE_TEST_POSTGRES_URL (with
 * _USER and _PASSWORD) to use an external server instead; each context still gets its own database.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "caseshare_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        Server server = server();
        try (Connection connection = DriverManager.getConnection(server.url, server.user, server.password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test database on PostgreSQL", e);
        }
        String url = server.url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + server.user,
                "spring.datasource.password=" + server.password).applyTo(context);
    }

    /** The PostgreSQL server used by the tests: a JDBC URL of a database we may create others from. */
    public static synchronized Server server() {
        String external = System.getenv("CASESHARE_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new Server(external, System.getenv().getOrDefault("CASESHARE_TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("CASESHARE_TEST_POSTGRES_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    public record Server(String url, String user, String password) {
    }
}
