package org.caseshare.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers adding to the same day's totals at once, each in its own transaction as the register's
 * are: none of their additions is lost, whether the row was there already or two writers made it at
 * the same time (PostgreSQL's "on conflict", H2's merge tried again). The totals alone, not whole
 * records: what is tested is the upsert, and a handful of short transactions keeps the pool free.
 */
abstract class RegisterTotalsConcurrencyTests extends IntegrationTest {

    private static final int WRITERS = 6;
    private static final int RECORDS_EACH = 20;

    @Autowired
    RegisterTotals totals;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Fixtures fixtures;

    @Test
    void writersAtOnceOnTheSameDayLoseNothing() throws Exception {
        UUID organisation = fixtures.organisation("Council").id();
        LocalDate day = LocalDate.of(2026, 3, 14);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < RECORDS_EACH; i++) {
                        // Every record counts under the same direction and marking; half move on to "shared" in a second transaction.
                        UUID id = UUID.randomUUID();
                        CountedValues made = values(day, "READY", writer % 2 == 0 ? "TELEPHONE" : "POST");
                        transactions.executeWithoutResult(s -> totals.made(organisation, id, made));
                        if (i % 2 == 0) {
                            transactions.executeWithoutResult(s -> totals.changed(organisation, id, made, values(day, "SHARED",
                                    made.values().get(By.CHANNEL.name()))));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        int records = WRITERS * RECORDS_EACH;
        assertThat(totals.held(organisation, By.DIRECTION.name(), "WE_SHARE", null)).isEqualTo(records);
        assertThat(totals.held(organisation, By.STATUS.name(), "SHARED", day)).isEqualTo(records / 2);
        assertThat(totals.held(organisation, By.STATUS.name(), "READY", day)).isEqualTo(records / 2);
        assertThat(totals.held(organisation, By.CHANNEL.name(), "POST", day)).isEqualTo(records / 2);
        assertThat(totals.held(organisation, By.MARKING.name(), "OFFICIAL", day.minusDays(1))).as("nothing made the day before").isZero();
        assertThat(totals.totals(organisation, day, day)).filteredOn(t -> t.counted().equals(By.STATUS.name()))
                .extracting(RegisterTotals.Total::value, RegisterTotals.Total::held)
                .containsExactlyInAnyOrder(Tuple.tuple("READY", (long) records / 2),
                        Tuple.tuple("SHARED", (long) records / 2));
    }

    private static CountedValues values(LocalDate day, String status, String channel) {
        return new CountedValues(day, Map.of(By.STATUS.name(), status, By.CHANNEL.name(), channel, By.MARKING.name(), "OFFICIAL",
                By.DIRECTION.name(), "WE_SHARE"), null);
    }
}
