package org.caseshare.directory;

import java.util.Objects;

/** A fax number to keep pre-programmed: the guide says ‘use pre-programmed numbers wherever possible’. */
public record FaxNumber(TelephoneNumber number, String label) implements ContactDetails {

    public FaxNumber {
        Objects.requireNonNull(number);
        if (number.mobile()) {
            throw InvalidFieldException.coded("telephone", "directory.error.fax-mobile", number.display());
        }
        label = Text.optional("label", label, 100, "directory.error.label.what");
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.FAX;
    }

    @Override
    public String summary() {
        return number.display() + (label == null ? "" : " (" + label + ")");
    }
}
