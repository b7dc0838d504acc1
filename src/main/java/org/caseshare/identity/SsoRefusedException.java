package org.caseshare.identity;

/** A person the provider vouched for may not sign in here; the reason is a short code for the audit. */
class SsoRefusedException extends RuntimeException {

    private final String reason;

    SsoRefusedException(String reason) {
        super("Single sign-on refused: " + reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
