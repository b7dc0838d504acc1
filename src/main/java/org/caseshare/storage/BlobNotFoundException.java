package org.caseshare.storage;

public class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String key) {
        super("No blob " + key);
    }
}
