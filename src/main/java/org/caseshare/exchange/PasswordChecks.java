package org.caseshare.exchange;

import java.util.concurrent.Semaphore;

import org.caseshare.crypto.PackagePasswords;
import org.caseshare.crypto.PasswordKey;
import org.caseshare.crypto.PasswordLock;
import org.springframework.stereotype.Component;

/**
 * Derives package password keys a few at a time: each derivation is deliberately slow and
 * memory-hungry, so sending and downloading share one limit rather than each having their own.
 */
@Component
class PasswordChecks {

    private final PackagePasswords passwords = new PackagePasswords();
    private final Semaphore permits;

    PasswordChecks(ExchangeProperties properties) {
        this.permits = new Semaphore(properties.concurrentPasswordChecks(), true);
    }

    String generate() {
        return passwords.generate();
    }

    PasswordLock newLock() {
        return passwords.newLock();
    }

    PasswordKey derive(char[] password, PasswordLock lock) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        try {
            return PackagePasswords.derive(password, lock);
        } finally {
            permits.release();
        }
    }
}
