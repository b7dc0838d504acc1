package org.caseshare.document;

import java.util.Optional;

/**
 * Whether text typed into a form can be printed on the documents, checked where the form is saved
 * so the person is told which field holds the character, rather than when a document is asked for.
 */
public final class Printable {

    private Printable() {
    }

    /** What stops {@code value} printing, as a sentence starting with {@code label}; empty if it prints. */
    public static Optional<String> problem(String label, String value) {
        String printable = PrintableText.line(value);
        for (int i = 0; i < printable.length(); ) {
            int c = printable.codePointAt(i);
            if (FontChain.REGULAR.stream().noneMatch(face -> face.has(c)) || FontChain.BOLD.stream().noneMatch(face -> face.has(c))) {
                return Optional.of(label + " contains the character " + UnprintableCharacterException.describe(c)
                        + ", which cannot be printed: remove or replace it");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }
}
