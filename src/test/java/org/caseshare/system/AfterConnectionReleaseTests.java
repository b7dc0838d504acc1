package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work handed to {@link AfterConnectionRelease} inside a transaction runs only once the thread has
 * given back every connection it took for transactions, including an outer one suspended for a
 * {@code REQUIRES_NEW}: an after-commit callback still holds its connection (issue #15).
 */
class AfterConnectionReleaseTests {

    /** A real H2 database whose connections are counted as they are opened and closed. */
    private final CountingDataSource dataSource = new CountingDataSource();
    private final ReleasingTransactionManager manager = new ReleasingTransactionManager(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(manager);
    private final List<Integer> openWhenRun = new ArrayList<>();

    @Test
    void workAfterCommitWaitsUntilTheConnectionIsBack() {
        transaction.executeWithoutResult(status -> afterCommit(() -> openWhenRun.add(dataSource.open.get())));

        assertThat(openWhenRun).containsExactly(0);
    }

    @Test
    void workInAnInnerTransactionWaitsForTheOuterOneToo() {
        innerCommitsInsideOuter(false);

        assertThat(openWhenRun).containsExactly(0);
    }

    @Test
    void theSameWorkHandedInTwiceRunsOnce() {
        Runnable work = () -> openWhenRun.add(dataSource.open.get());
        transaction.executeWithoutResult(status -> {
            afterCommit(work);
            afterCommit(work);
        });

        assertThat(openWhenRun).containsExactly(0);
    }

    @Test
    void workOutsideATransactionRunsAtOnce() {
        AfterConnectionRelease.run(() -> openWhenRun.add(dataSource.open.get()));

        assertThat(openWhenRun).containsExactly(0);
    }

    @Test
    void workHandedInByACommittedInnerTransactionRunsThoughTheOuterOneRollsBack() {
        innerCommitsInsideOuter(true);

        assertThat(openWhenRun).containsExactly(0);
    }

    /** A {@code REQUIRES_NEW} transaction hands work in after its commit, while the outer one still holds its connection. */
    private void innerCommitsInsideOuter(boolean outerRollsBack) {
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(outer -> {
            inner.executeWithoutResult(status -> afterCommit(() -> openWhenRun.add(dataSource.open.get())));
            assertThat(openWhenRun).as("not while the outer transaction holds its connection").isEmpty();
            if (outerRollsBack) {
                outer.setRollbackOnly();
            }
        });
    }

    private static void afterCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                AfterConnectionRelease.run(work);
            }
        });
    }

    private static final class CountingDataSource extends DelegatingDataSource {
        final AtomicInteger open = new AtomicInteger();

        CountingDataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:release-" + UUID.randomUUID());
            setTargetDataSource(h2);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            open.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
