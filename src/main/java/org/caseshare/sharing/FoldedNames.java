package org.caseshare.sharing;

import java.util.List;
import java.util.UUID;

import org.caseshare.system.Folding;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds, at start, the names recorded before the folded search column existed (V33), a batch at a
 * time. The fold is Java's, so the SQL migration cannot fill it; every node may run this at once,
 * as each update only fills a column still empty with the same value.
 */
@Component
class FoldedNames implements ApplicationRunner {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    FoldedNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Unfolded(UUID recordId, int position, String name) {
    }

    @Override
    public void run(ApplicationArguments args) {
        fill();
    }

    /** How many names were folded. */
    int fill() {
        int filled = 0;
        while (true) {
            List<Unfolded> batch = jdbc.sql("select record_id, position, name from sharing_subject where name_folded is null")
                    .withMaxRows(BATCH).query(Unfolded.class).list();
            if (batch.isEmpty()) {
                return filled;
            }
            for (Unfolded row : batch) {
                String folded = Folding.fold(row.name());
                jdbc.sql("update sharing_subject set name_folded = ? where record_id = ? and position = ? and name_folded is null")
                        .params(folded == null ? "" : folded, row.recordId(), row.position()).update();
                filled++;
            }
        }
    }
}
