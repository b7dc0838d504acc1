package org.caseshare.support;

/** The monitoring system's credential in tests, as application-test.yml configures it. */
public final class Management {

    public static final String TOKEN = "test-management-token-9f1c2e7a4b6d8e0f1a3c5e7b";

    private Management() {
    }
}
