package org.caseshare.directory;

import java.util.Objects;

/**
 * An organisation's main switchboard. The guide: ‘take a contact telephone number, preferably a main
 * switchboard number. Try to avoid a direct line or mobile telephone number’ — so a mobile is refused.
 */
public record Switchboard(TelephoneNumber number, String label) implements ContactDetails {

    public Switchboard {
        Objects.requireNonNull(number);
        if (number.mobile()) {
            throw InvalidFieldException.coded("telephone", "directory.error.switchboard-mobile", number.display());
        }
        label = Text.optional("label", label, 100, "directory.error.label.what");
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.SWITCHBOARD;
    }

    @Override
    public String summary() {
        return number.display() + (label == null ? "" : " (" + label + ")");
    }
}
