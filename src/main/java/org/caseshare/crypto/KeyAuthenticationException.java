package org.caseshare.crypto;

/**
 * Something encrypted failed authentication: a wrong key or password, altered bytes, or bytes moved
 * to another file, package or organisation. Never reveals which.
 */
public class KeyAuthenticationException extends RuntimeException {

    public KeyAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    public KeyAuthenticationException(String message) {
        super(message);
    }
}
