package org.caseshare.directory;

import java.util.regex.Pattern;

/**
 * A UK telephone number, kept as its national digits ({@code 01189746000}). Accepts spaces, hyphens,
 * brackets and the {@code +44} / {@code 0044} prefix, and knows whether it is a mobile: the guide says
 * take a main switchboard number and avoid a direct line or mobile wherever possible.
 */
public record TelephoneNumber(String digits) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern NATIONAL = Pattern.compile("0[1-9][0-9]{8,9}");

    /** What sort of line a number is, from its prefix (Ofcom's national numbering plan). */
    public enum LineType {
        GEOGRAPHIC("Landline"),
        NON_GEOGRAPHIC("Non-geographic (03 or 08)"),
        MOBILE("Mobile"),
        OTHER("Other");

        private final String label;

        LineType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TelephoneNumber {
        digits = normalise(digits);
    }

    /** Parses what a person typed; the message of the exception is fit for a GOV.UK error summary. */
    public static TelephoneNumber parse(String typed) {
        return new TelephoneNumber(typed);
    }

    private static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidValueException.coded("directory.error.telephone.missing");
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (compact.startsWith("+44")) {
            compact = "0" + stripTrunkZero(compact.substring(3));
        } else if (compact.startsWith("0044")) {
            compact = "0" + stripTrunkZero(compact.substring(4));
        } else if (compact.startsWith("+")) {
            throw InvalidValueException.coded("directory.error.telephone.uk");
        }
        if (!compact.chars().allMatch(Character::isDigit)) {
            throw InvalidValueException.coded("directory.error.telephone.characters");
        }
        if (!NATIONAL.matcher(compact).matches()) {
            throw InvalidValueException.coded("directory.error.telephone.digits");
        }
        return compact;
    }

    /** ‘+44 (0)118…’ is a common way to write a number; the bracketed zero is already gone. */
    private static String stripTrunkZero(String rest) {
        return rest.startsWith("0") ? rest.substring(1) : rest;
    }

    public LineType lineType() {
        return switch (digits.charAt(1)) {
            case '1', '2' -> LineType.GEOGRAPHIC;
            case '3', '8' -> LineType.NON_GEOGRAPHIC;
            case '7' -> LineType.MOBILE;
            default -> LineType.OTHER;
        };
    }

    public boolean mobile() {
        return lineType() == LineType.MOBILE;
    }

    /** Grouped the way UK numbers are usually written: 020 7946 0000, 0118 974 6000, 01632 960000. */
    public String display() {
        if (digits.length() != 11) {
            return digits.substring(0, 5) + " " + digits.substring(5);
        }
        if (digits.startsWith("02")) {
            return digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        }
        boolean fourDigitCode = digits.startsWith("011") || digits.charAt(3) == '1' && digits.startsWith("01")
                || digits.startsWith("03") || digits.startsWith("08") || digits.startsWith("09");
        if (fourDigitCode) {
            return digits.substring(0, 4) + " " + digits.substring(4, 7) + " " + digits.substring(7);
        }
        return digits.substring(0, 5) + " " + digits.substring(5);
    }

    @Override
    public String toString() {
        return display();
    }
}
