package org.caseshare.document;

import java.util.List;

/** The lines of a postal address, postcode last, without the person's name or organisation. */
public record PostalAddress(List<String> lines) {

    public static final int MAX_LINES = 6;
    public static final int MAX_LINE_LENGTH = 60;

    public PostalAddress {
        lines = Require.lines("address", lines, MAX_LINES, MAX_LINE_LENGTH);
    }

    public static PostalAddress of(String... lines) {
        return new PostalAddress(List.of(lines));
    }
}
