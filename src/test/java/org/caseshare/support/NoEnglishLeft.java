package org.caseshare.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.caseshare.system.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No English left on a Welsh page": the page's text holds none of the catalogues' English phrases
 * (three words or more between arguments, whose Welsh differs). Words that are not in the
 * catalogues — a person's name, the guide's safeguard wording quoted in English — are not caught,
 * by design. Nor is a phrase that the Welsh itself quotes in English (the envelope's "Private and
 * Confidential – To be opened by Addressee Only" is printed in English on purpose) or that the
 * policy file holds, and the test people's names ("Test Data protection officer", see
 * {@code Fixtures.person}) are data, not words of the page.
 */
public final class NoEnglishLeft {

    private static final Set<String> PHRASES = load();

    private NoEnglishLeft() {
    }

    /** The English phrases found in a page's visible text. */
    public static List<String> in(String pageText) {
        String text = pageText.replaceAll("\\s+", " ").replaceAll("Test \\p{Lu}\\p{Ll}+(?: \\p{Ll}+)*", " ");
        List<String> found = new ArrayList<>();
        for (String phrase : PHRASES) {
            if (text.contains(phrase)) {
                found.add(phrase);
            }
        }
        return found;
    }

    public static void assertNone(String pageText, String state) {
        assertThat(in(pageText)).as("English left on the Welsh page: " + state).isEmpty();
    }

    private static Set<String> load() {
        Set<String> phrases = new TreeSet<>();
        StringBuilder quotedOnPurpose = new StringBuilder(read("policy/default-policy.yaml"));
        for (String basename : Catalogue.BASENAMES) {
            Properties english = properties(basename + ".properties");
            Properties welsh = properties(basename + "_cy.properties");
            welsh.values().forEach(value -> quotedOnPurpose.append('\n').append(value));
            for (String key : english.stringPropertyNames()) {
                String value = english.getProperty(key);
                if (value.equals(welsh.getProperty(key))) {
                    continue;
                }
                for (String part : value.replace("''", "'").split("\\{[^}]*}|<[^>]*>")) {
                    String phrase = part.strip().replaceAll("\\s+", " ");
                    if (phrase.split(" ").length >= 3) {
                        phrases.add(phrase);
                    }
                }
            }
        }
        String welshAndPolicy = quotedOnPurpose.toString().replace("''", "'").replaceAll("\\s+", " ");
        phrases.removeIf(welshAndPolicy::contains);
        return phrases;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("src/main/resources", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
