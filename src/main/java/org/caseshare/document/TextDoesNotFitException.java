package org.caseshare.document;

/** The text is too long for the chosen label even at the smallest readable size; choose a larger format. */
public class TextDoesNotFitException extends RuntimeException {

    public TextDoesNotFitException(String message) {
        super(message);
    }
}
