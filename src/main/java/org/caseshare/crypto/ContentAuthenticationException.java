package org.caseshare.crypto;

import java.io.IOException;

/**
 * A stored file's bytes failed authentication while decrypting: altered, truncated, reordered or
 * from another file. Distinct from a plain {@link IOException}, which means the storage could not be
 * read (the bytes may be fine), so that callers can tell damage from an outage.
 */
public class ContentAuthenticationException extends IOException {

    public ContentAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContentAuthenticationException(String message) {
        super(message);
    }
}
