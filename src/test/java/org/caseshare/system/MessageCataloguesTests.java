package org.caseshare.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English and Welsh catalogues hold the same keys, every message is well formed, and every key a
 * template names exists (petclinic's {@code I18nPropertiesSyncTest} is the model). A key missing in
 * either language, or a Welsh message left as a copy of the English, fails here rather than showing
 * "??key??" or English on a Welsh page.
 */
class MessageCataloguesTests {

    private static final Path FOLDER = Path.of("src/main/resources");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern PLURAL_KEY = Pattern.compile("@plurals\\.text\\('([A-Za-z0-9_.\\-]+)'");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : Catalogue.BASENAMES) {
            Properties english = load(basename + ".properties");
            Properties welsh = load(basename + "_cy.properties");
            for (String key : english.stringPropertyNames()) {
                if (!welsh.containsKey(key)) {
                    problems.add(basename + "_cy lacks " + key);
                }
            }
            for (String key : welsh.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(basename + " lacks " + key + " (only in Welsh)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageIsWellFormed() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : Catalogue.BASENAMES) {
            for (String file : List.of(basename + ".properties", basename + "_cy.properties")) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    String value = messages.getProperty(key);
                    if (value.isBlank()) {
                        problems.add(file + " " + key + " is empty");
                    }
                    if (LONE_QUOTE.matcher(value).find()) {
                        problems.add(file + " " + key + " has an apostrophe written once (write '')");
                    }
                    try {
                        new MessageFormat(value);
                    } catch (IllegalArgumentException malformed) {
                        problems.add(file + " " + key + " is not a MessageFormat pattern: " + malformed.getMessage());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A Welsh message of three words or more that is the English one again was not translated. */
    @Test
    void welshIsNotEnglishAgain() throws IOException {
        List<String> copies = new ArrayList<>();
        for (String basename : Catalogue.BASENAMES) {
            Properties english = load(basename + ".properties");
            Properties welsh = load(basename + "_cy.properties");
            for (String key : english.stringPropertyNames()) {
                String value = english.getProperty(key);
                if (value.equals(welsh.getProperty(key)) && WORD.matcher(value).results().count() >= 3) {
                    copies.add(basename + "_cy " + key + " = " + value);
                }
            }
        }
        assertThat(copies).isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : Catalogue.BASENAMES) {
            known.addAll(load(basename + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : TemplatesSpeakFromCataloguesTests.templates()) {
            String html = Files.readString(template);
            Matcher key = TEMPLATE_KEY.matcher(html);
            while (key.find()) {
                if (!known.contains(key.group(1))) {
                    missing.add(TemplatesSpeakFromCataloguesTests.TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
            Matcher plural = PLURAL_KEY.matcher(html);
            while (plural.find()) {
                if (!known.contains(plural.group(1) + ".other")) {
                    missing.add(TemplatesSpeakFromCataloguesTests.TEMPLATES.relativize(template) + ": " + plural.group(1) + ".other");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(FOLDER.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
