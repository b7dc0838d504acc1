package org.caseshare.policy;

import java.util.Objects;

/**
 * One problem in a policy file, placed where an editor can find it.
 *
 * @param line 1-based line in the policy text
 * @param column 1-based column in the policy text
 * @param message what is wrong, in plain English
 */
public record PolicyError(int line, int column, String message) {

    public PolicyError {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1");
        }
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
