package org.caseshare.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The guide as the tests read it: its bullets, with continuation lines joined, and its whole text. */
final class GuideText {

    static final String RESOURCE = "/guide/sharing-personal-information-securely.txt";

    private GuideText() {
    }

    static String raw() {
        try (InputStream in = GuideText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole guide, normalised as quotes are compared. */
    static String wholeText() {
        return normalise(raw());
    }

    /**
     * Every bullet ("- " at the start of a line). A bullet goes on over following lines until a
     * blank line; after a blank line it goes on only if the next line starts in lower case, as the
     * guide's page breaks split sentences ("Try\n\nto avoid a direct line").
     */
    static List<String> bullets() {
        List<String> bullets = new ArrayList<>();
        StringBuilder current = null;
        boolean afterBlank = false;
        for (String line : raw().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("- ")) {
                if (current != null) {
                    bullets.add(normalise(current.toString()));
                }
                current = new StringBuilder(trimmed.substring(2));
                afterBlank = false;
            } else if (trimmed.isEmpty()) {
                afterBlank = true;
            } else if (current != null && (!afterBlank || Character.isLowerCase(trimmed.charAt(0)))) {
                current.append(' ').append(trimmed);
                afterBlank = false;
            } else if (current != null) {
                bullets.add(normalise(current.toString()));
                current = null;
            }
        }
        if (current != null) {
            bullets.add(normalise(current.toString()));
        }
        return bullets;
    }

    /** Drops the guide's bold markers and folds whitespace, so quotes match across line breaks. */
    static String normalise(String text) {
        return text.replace("**", "").replaceAll("\\s+", " ").strip();
    }
}
