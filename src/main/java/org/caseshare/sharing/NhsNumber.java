package org.caseshare.sharing;

import java.util.Optional;

/**
 * An NHS number: ten digits whose last is a modulus 11 check digit over the first nine (weights 10
 * down to 2; a remainder giving 10 means the number was never issued). Typed with spaces or hyphens
 * (943 476 5919), stored as the ten digits.
 */
public record NhsNumber(String digits) {

    public NhsNumber {
        if (!valid(digits)) {
            throw new IllegalArgumentException("not a valid NHS number");
        }
    }

    /** The number as typed, when it is one; spaces and hyphens between digits are allowed. */
    public static Optional<NhsNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.strip().replaceAll("[\\s-]", "");
        return valid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    static boolean valid(String digits) {
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** As people read it: 943 476 5919. */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public String toString() {
        return digits;
    }
}
