package org.caseshare.storage;

/** The store could not complete an operation; nothing partial is visible. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
