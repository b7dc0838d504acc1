package org.caseshare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template holds words of its own: every word a page shows comes from the catalogues
 * ({@code i18n/*.properties}, see {@link Catalogue}), so that the Welsh page has no English left.
 * petclinic's {@code I18nPropertiesSyncTest} is the model. Text inside an element whose content
 * Thymeleaf replaces ({@code th:text}, {@code th:utext}, {@code th:replace}, …) is only a
 * designer's placeholder and is allowed; so is text in an element that names its own language
 * ({@code lang="cy"} on "Cymraeg" in the switcher). String literals in expressions that make text
 * ({@code th:text="'Sent'"}) count as words too.
 */
class TemplatesSpeakFromCataloguesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Folders whose pages still hold English of their own (issue #21, item 4): none now, and it stays so. */
    static final Set<String> NOT_YET_IN_THE_CATALOGUES = Set.of();

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
            "th:substituteby", "th:include");
    private static final Set<String> WORDY_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label",
            "aria-description", "aria-roledescription", "content");
    private static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:value", "th:placeholder",
            "th:title", "th:alt", "th:aria-label", "th:attr", "th:content", "th:label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern BARS = Pattern.compile("\\|([^|]*)\\|");
    private static final Pattern WORDS = Pattern.compile("^\\p{Lu}\\p{Ll}+[.:!?]?$|\\p{L}{2,}\\s+\\p{L}");
    private static final Pattern PATTERN_LETTERS_ONLY = Pattern.compile("[dMyHhmsEaLuzXS :,./\\-]+");

    @Test
    void everyTemplateTakesItsWordsFromTheCatalogues() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String folder = TEMPLATES.relativize(template).getName(0).toString();
            if (NOT_YET_IN_THE_CATALOGUES.contains(folder)) {
                continue;
            }
            Document page = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : page.getAllElements()) {
                check(TEMPLATES.relativize(template).toString(), element, found);
            }
        }
        assertThat(found).as("words written into templates instead of i18n/*.properties").isEmpty();
    }

    @Test
    void theFoldersStillToDoAreRealFolders() throws IOException {
        for (String folder : NOT_YET_IN_THE_CATALOGUES) {
            assertThat(TEMPLATES.resolve(folder)).isDirectory();
        }
    }

    private static void check(String template, Element element, List<String> found) {
        if (skipped(element)) {
            return;
        }
        if (REPLACING.stream().noneMatch(element::hasAttr)) {
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text && LETTER.matcher(text.text()).find()) {
                    found.add(template + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
                }
            }
        }
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey();
            boolean wordy = LETTER.matcher(attribute.getValue()).find() && !element.hasAttr("th:" + name)
                    && !mentionedInAttr(element, name);
            if (wordy && WORDY_ATTRIBUTES.contains(name)
                    && (!"content".equals(name) || "description".equals(element.attr("name")))) {
                found.add(template + ": <" + element.tagName() + " " + name + "=\"" + attribute.getValue() + "\">");
            }
            if (wordy && "value".equals(name) && element.tagName().equals("input")
                    && Set.of("submit", "button").contains(element.attr("type"))) {
                found.add(template + ": <input value=\"" + attribute.getValue() + "\">");
            }
            if (TEXT_EXPRESSIONS.contains(name)) {
                literals(attribute.getValue()).forEach(literal -> found.add(template + ": " + name + " literal '" + literal + "'"));
            }
        }
    }

    /**
     * Inside an element whose content Thymeleaf replaces (a designer's placeholder), inside a script
     * or style, or in an element that names its own language ("Cymraeg" in the switcher).
     */
    private static boolean skipped(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (Set.of("script", "style").contains(at.tagName()) || at.hasAttr("lang") && !"html".equals(at.tagName())) {
                return true;
            }
            if (at != element && REPLACING.stream().anyMatch(at::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionedInAttr(Element element, String name) {
        return element.attr("th:attr").contains(name + "=") || element.attr("th:attrappend").contains(name + "=");
    }

    /** Quoted or |…| literals in an expression that read as words rather than codes, ids or patterns. */
    static List<String> literals(String expression) {
        List<String> words = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(expression.replaceAll("#\\{[^}]*}", "").replaceAll("@\\{[^}]*}", ""));
        while (quoted.find()) {
            String literal = quoted.group(1);
            if (wordy(literal)) {
                words.add(literal);
            }
        }
        Matcher bars = BARS.matcher(expression);
        while (bars.find()) {
            String outside = bars.group(1).replaceAll("[$#*@]\\{[^}]*}", " ");
            if (wordy(outside)) {
                words.add(bars.group(1));
            }
        }
        return words;
    }

    private static boolean wordy(String literal) {
        String text = literal.strip();
        if (text.isEmpty() || PATTERN_LETTERS_ONLY.matcher(text).matches()) {
            return false;
        }
        return WORDS.matcher(text).find();
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
