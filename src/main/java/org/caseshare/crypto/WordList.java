package org.caseshare.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The bundled word list (see wordlist.NOTICE for its source), checked as it loads. */
final class WordList {

    static final String RESOURCE = "/crypto/wordlist.txt";

    private static final Pattern WORD = Pattern.compile("[a-z]{4,7}");

    private WordList() {
    }

    static List<String> load() {
        try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> words = new LinkedHashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!WORD.matcher(line).matches() || !words.add(line)) {
                    throw new IllegalStateException(RESOURCE + " has a bad or repeated word: " + line);
                }
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
