package org.caseshare.sharing;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records' readable references, {@code CS-2026-00123}: a dense sequence per organisation and year.
 * The number is taken by updating the organisation's counter row inside the record's own transaction,
 * so the database's row lock serialises writers on every node, and a rolled-back record leaves no gap.
 */
@Repository
class References {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    References(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static String format(int year, int number) {
        return String.format("CS-%d-%05d", year, number);
    }

    /**
     * Makes sure the year's counter row exists, in a transaction of its own and before the record's
     * transaction starts: two nodes creating the first row at once must not abort a record's
     * transaction (PostgreSQL aborts a transaction at its first error), and a record's transaction
     * must not wait for a second connection while holding one.
     */
    void prepare(UUID organisationId, int year) {
        boolean exists = jdbc.sql("select count(*) from sharing_reference_counter where organisation_id = ? and ref_year = ?")
                .params(organisationId, year).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            "insert into sharing_reference_counter (organisation_id, ref_year, last_number) values (?, ?, 0)")
                    .params(organisationId, year).update());
        } catch (DuplicateKeyException e) {
            // another request or node made it first: that is all this wanted
        }
    }

    /**
     * Takes the next number and stamps it on the record. Call it inside the record's transaction, as
     * late as possible: the counter row stays locked until that transaction ends.
     */
    String assign(UUID organisationId, UUID recordId, int year) {
        int updated = jdbc.sql("update sharing_reference_counter set last_number = last_number + 1 where organisation_id = ? and ref_year = ?")
                .params(organisationId, year).update();
        if (updated != 1) {
            throw new IllegalStateException("No reference counter for the year; prepare() was not called");
        }
        int number = jdbc.sql("select last_number from sharing_reference_counter where organisation_id = ? and ref_year = ?")
                .params(organisationId, year).query(Integer.class).single();
        String reference = format(year, number);
        jdbc.sql("update sharing_record set reference = ? where organisation_id = ? and id = ?")
                .params(reference, organisationId, recordId).update();
        return reference;
    }
}
