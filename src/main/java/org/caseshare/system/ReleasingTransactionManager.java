package org.caseshare.system;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Boot's JDBC transaction manager, telling {@link AfterConnectionRelease} when a thread takes a
 * transaction's connection and when it has given it back: only then is it safe for the thread to wait.
 */
class ReleasingTransactionManager extends JdbcTransactionManager {

    ReleasingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        AfterConnectionRelease.taken();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            AfterConnectionRelease.released();
        }
    }
}
