package org.caseshare.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** Which database the service runs on, for the few places that use what only PostgreSQL offers. */
public final class Databases {

    private Databases() {
    }

    /** Whether {@code dataSource} is PostgreSQL (otherwise it is the embedded H2 of a single node). */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
