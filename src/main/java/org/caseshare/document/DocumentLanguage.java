package org.caseshare.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * The language a document is printed in: English, Welsh, or both — Welsh first, then English, for
 * each heading, label and instruction, as the Welsh Language Standards ask of a bilingual document
 * ("Taflen glawr ffacs / Fax cover sheet"). Its words come from {@code i18n/documents.properties}
 * and {@code documents_cy.properties}. A Welsh or bilingual PDF says it is in Welsh ({@code cy}); in
 * a bilingual one the English words are marked {@code en-GB}, as are the guide's words quoted in
 * English in a Welsh one, so a screen reader changes voice for them.
 */
public enum DocumentLanguage {

    ENGLISH("en-GB", List.of(Languages.ENGLISH)),
    WELSH("cy", List.of(Languages.WELSH)),
    BOTH("cy", List.of(Languages.WELSH, Languages.ENGLISH));

    private static final String ENGLISH_TAG = "en-GB";
    private static final String WELSH_TAG = "cy";
    /** Marks where a quoted argument goes in a formatted message; a private-use character no message has. */
    private static final String QUOTE_MARK = "\uE000";

    private final String tag;
    private final List<Locale> locales;

    DocumentLanguage(String tag, List<Locale> locales) {
        this.tag = tag;
        this.locales = locales;
    }

    /** Welsh for a Welsh locale, English for any other. */
    public static DocumentLanguage of(Locale locale) {
        return Languages.welsh(locale) ? WELSH : ENGLISH;
    }

    /** The document's language as the PDF states it (BCP 47). */
    public String tag() {
        return tag;
    }

    /** The languages printed, in the order they are printed. */
    public List<Locale> locales() {
        return locales;
    }

    /** English words quoted as they are (the guide's), whatever the document's language. */
    record Quote(String text) {
    }

    /** The language to mark words in {@code locale} with, or null when it is the document's own. */
    String languageOf(Locale locale) {
        String words = Languages.welsh(locale) ? WELSH_TAG : ENGLISH_TAG;
        return words.equals(tag) ? null : words;
    }

    /** A catalogue message in each language printed, in order; {@link Quote} arguments keep their English. */
    List<List<Phrase>> each(String code, Object... args) {
        List<List<Phrase>> each = new ArrayList<>();
        for (Locale locale : locales) {
            each.add(message(locale, code, args));
        }
        return once(each);
    }

    /** Words made for each language printed (a date, a {@link Text}), in order. */
    List<List<Phrase>> each(Function<Locale, String> words) {
        List<List<Phrase>> each = new ArrayList<>();
        for (Locale locale : locales) {
            each.add(List.of(new Phrase(words.apply(locale), languageOf(locale))));
        }
        return once(each);
    }

    /** A {@link Text} in each language printed; a literal one (a label a caller wrote) once, as it is. */
    List<List<Phrase>> each(Text text) {
        return each(locale -> resolve(text, locale));
    }

    /** A catalogue message on one line: "Ffacs / Fax" when both languages are printed. */
    List<Phrase> joined(String code, Object... args) {
        return joined(each(code, args));
    }

    static List<Phrase> joined(List<List<Phrase>> each) {
        List<Phrase> joined = new ArrayList<>(each.get(0));
        for (List<Phrase> next : each.subList(1, each.size())) {
            joined.add(Phrase.of(" / "));
            joined.addAll(next);
        }
        return joined;
    }

    /** A catalogue message on one line, as plain text: for the document's title and for artifacts. */
    String plain(String code, Object... args) {
        return Phrase.text(joined(code, args));
    }

    /**
     * A heading or label set in {@code width}: on one line when it fits (both languages joined), or
     * each language wrapped in turn, Welsh first.
     */
    static List<List<Phrase>> lines(List<List<Phrase>> each, FontChain font, float size, float width) {
        if (each.size() > 1) {
            List<Phrase> joined = joined(each);
            if (Phrase.width(joined, font, size) <= width) {
                return List.of(joined);
            }
        }
        List<List<Phrase>> lines = new ArrayList<>();
        for (List<Phrase> words : each) {
            lines.addAll(Phrase.wrap(words, font, size, width));
        }
        return lines;
    }

    /** The text in {@code locale}; a literal is its own text, never read as a message pattern. */
    static String resolve(Text text, Locale locale) {
        return text.code() == null ? text.literal() : Catalogue.text(locale, text);
    }

    /** The same words in every language (a name, a literal label) are printed once, in no particular language. */
    private static List<List<Phrase>> once(List<List<Phrase>> each) {
        if (each.size() > 1 && each.stream().map(Phrase::text).distinct().count() == 1) {
            return List.of(Phrase.line(Phrase.text(each.get(0))));
        }
        return each;
    }

    private List<Phrase> message(Locale locale, String code, Object... args) {
        Object[] shown = args.clone();
        boolean quotes = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Quote) {
                shown[i] = QUOTE_MARK + i + QUOTE_MARK;
                quotes = true;
            }
        }
        String text = Catalogue.text(locale, code, shown);
        String language = languageOf(locale);
        if (!quotes) {
            return List.of(new Phrase(text, language));
        }
        List<Phrase> phrases = new ArrayList<>();
        String[] parts = text.split(QUOTE_MARK, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                phrases.add(new Phrase(((Quote) args[Integer.parseInt(parts[i])]).text(), languageOf(Languages.ENGLISH)));
            } else if (!parts[i].isEmpty()) {
                phrases.add(new Phrase(parts[i], language));
            }
        }
        return phrases;
    }
}
