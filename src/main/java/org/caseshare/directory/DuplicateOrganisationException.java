package org.caseshare.directory;

/** An organisation of that name already exists. */
public class DuplicateOrganisationException extends RuntimeException {
    public DuplicateOrganisationException(String name) {
        super("An organisation called '" + name + "' already exists");
    }
}
