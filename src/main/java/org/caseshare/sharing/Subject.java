package org.caseshare.sharing;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A person the information is about: a name and a date of birth or a local case reference, and an
 * NHS number only when one was recorded (health partners match on it; nobody must invent one).
 */
public record Subject(String name, LocalDate dateOfBirth, String localReference, NhsNumber nhsNumber) {

    public Subject {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a subject needs a name");
        }
        name = name.strip();
        localReference = localReference == null || localReference.isBlank() ? null : localReference.strip();
        if (dateOfBirth == null && localReference == null) {
            throw new IllegalArgumentException("a subject needs a date of birth or a reference");
        }
    }

    public Subject(String name, LocalDate dateOfBirth, String localReference) {
        this(name, dateOfBirth, localReference, null);
    }

    static String key(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
