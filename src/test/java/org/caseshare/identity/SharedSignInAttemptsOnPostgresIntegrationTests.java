package org.caseshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL the sign-in counts live in the database: two nodes (two instances on one database,
 * as two processes would have) see the same count, so spreading guesses over them gains nothing.
 */
@OnPostgres
class SharedSignInAttemptsOnPostgresIntegrationTests extends IntegrationTest {

    private static final SignInAttempts.Allowance FIVE_IN_FIFTEEN_MINUTES = new SignInAttempts.Allowance(5, Duration.ofMinutes(15), false);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignInAttempts attempts;

    @Test
    void theApplicationCountsInTheDatabase() {
        assertThat(attempts).isInstanceOf(DatabaseSignInAttempts.class);
    }

    @Test
    void guessesSpreadOverTwoNodesMeetOneLimit() {
        SignInAttempts nodeA = new DatabaseSignInAttempts(dataSource);
        SignInAttempts nodeB = new DatabaseSignInAttempts(dataSource);
        String key = "account:" + Fixtures.unique("shared");
        for (int guess = 0; guess < 5; guess++) {
            assertThat((guess % 2 == 0 ? nodeA : nodeB).take(key, FIVE_IN_FIFTEEN_MINUTES)).as("guess %d", guess + 1).isZero();
        }
        assertThat(nodeA.take(key, FIVE_IN_FIFTEEN_MINUTES)).as("the sixth, on either node").isPositive();
        assertThat(nodeB.take(key, FIVE_IN_FIFTEEN_MINUTES)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15).toSeconds() + 1);
    }

    @Test
    void aRightAttemptGivenBackOnOneNodeCountsOnTheOther() {
        SignInAttempts nodeA = new DatabaseSignInAttempts(dataSource);
        SignInAttempts nodeB = new DatabaseSignInAttempts(dataSource);
        String key = "account:" + Fixtures.unique("given-back");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(nodeA.take(key, FIVE_IN_FIFTEEN_MINUTES)).isZero();
        }
        nodeB.giveBack(key, FIVE_IN_FIFTEEN_MINUTES);
        assertThat(nodeA.take(key, FIVE_IN_FIFTEEN_MINUTES)).isZero();
        assertThat(nodeA.take(key, FIVE_IN_FIFTEEN_MINUTES)).isPositive();
    }

    @Test
    void bucketsThatAreFullAgainAreDeleted() {
        DatabaseSignInAttempts node = new DatabaseSignInAttempts(dataSource);
        String key = "address:" + Fixtures.unique("expired");
        node.take(key, FIVE_IN_FIFTEEN_MINUTES);
        // As if the window and the grace minute had passed.
        jdbc.sql("update sign_in_bucket set expires_at = 0 where id = ?").param(key).update();

        assertThat(node.removeExpired(1000)).isPositive();
        assertThat(jdbc.sql("select count(*) from sign_in_bucket where id = ?").param(key).query(Long.class).single()).isZero();
    }
}
