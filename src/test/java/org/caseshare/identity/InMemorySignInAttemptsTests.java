package org.caseshare.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySignInAttemptsTests {

    private static final SignInAttempts.Allowance ACCOUNT = new SignInAttempts.Allowance(5, Duration.ofMinutes(15), false);
    private static final SignInAttempts.Allowance MADE_UP = new SignInAttempts.Allowance(5, Duration.ofMinutes(15), true);

    @Test
    void staysBoundedUnderASprayWithoutForgettingARealAccountsFailures() {
        InMemorySignInAttempts attempts = new InMemorySignInAttempts(1_000);
        for (int failure = 0; failure < 5; failure++) {
            assertThat(attempts.take("account:real", ACCOUNT)).isZero();
        }
        for (int name = 0; name < 10_000; name++) {
            attempts.take("name:" + name, MADE_UP);
        }
        assertThat(attempts.size()).isLessThanOrEqualTo(1_001);
        assertThat(attempts.take("account:real", ACCOUNT)).as("still locked out").isPositive();
    }

    @Test
    void aFailureThatCrossesTheBoundIsStillCounted() {
        InMemorySignInAttempts attempts = new InMemorySignInAttempts(10);
        for (int failure = 0; failure < 5; failure++) {
            for (int name = 0; name < 10; name++) {
                attempts.take("name:" + failure + "-" + name, MADE_UP);
            }
            attempts.take("account:real", ACCOUNT); // each failure is the one that makes the store trim
        }
        assertThat(attempts.take("account:real", ACCOUNT)).as("still locked out").isPositive();
    }

    @Test
    void aGivenBackAttemptDoesNotCount() {
        InMemorySignInAttempts attempts = new InMemorySignInAttempts(1_000);
        for (int signIn = 0; signIn < 20; signIn++) {
            assertThat(attempts.take("account:real", ACCOUNT)).isZero();
            attempts.giveBack("account:real", ACCOUNT);
        }
    }
}
