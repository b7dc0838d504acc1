package org.caseshare.identity;

/** The organisation's identity provider could not be reached or gave an unusable discovery document. */
class SsoUnavailableException extends RuntimeException {

    SsoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
