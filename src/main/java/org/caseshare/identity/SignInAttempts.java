package org.caseshare.identity;

import java.time.Duration;

/**
 * Counts sign-in attempts per key (an account, a made-up name, a client address, a device cookie).
 * Kept behind this small interface so that a later change can keep the counts in the database,
 * shared by every node, instead of in each process.
 */
interface SignInAttempts {

    /**
     * How many attempts a key may make in a window.
     *
     * @param forgettable whether the count may be forgotten when too many keys are kept (made-up names
     *                    and addresses); a real account's or a device cookie's count never is
     */
    record Allowance(int attempts, Duration window, boolean forgettable) {
    }

    /** Takes one attempt; returns 0 if it was allowed, or else the seconds until one is. */
    long take(String key, Allowance allowance);

    /** Gives back an attempt that turned out to be right, so correct sign-ins use up nothing. */
    void giveBack(String key, Allowance allowance);
}
