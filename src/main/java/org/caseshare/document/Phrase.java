package org.caseshare.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Words as printed, with their language when it is not the document's ({@code null} when it is, or
 * when they are in no language: a name, an address, a number). A line may hold phrases in two
 * languages — "Ffacs / Fax" in a Welsh and English document — and each keeps its own, so a screen
 * reader reads the English half with an English voice.
 */
record Phrase(String text, String language) {

    static Phrase of(String text) {
        return new Phrase(text, null);
    }

    static List<Phrase> line(String text) {
        return List.of(of(text));
    }

    static String text(List<Phrase> phrases) {
        StringBuilder text = new StringBuilder();
        phrases.forEach(phrase -> text.append(phrase.text()));
        return text.toString();
    }

    static float width(List<Phrase> phrases, FontChain font, float size) {
        return Wrap.width(text(phrases), font, size);
    }

    /**
     * Neighbours in one language made one phrase, so that text is shaped and ordered (right to left
     * within left to right) as one line, as it was before it had parts.
     */
    static List<Phrase> coalesced(List<Phrase> phrases) {
        List<Phrase> merged = new ArrayList<>();
        for (Phrase phrase : phrases) {
            int last = merged.size() - 1;
            if (last >= 0 && Objects.equals(merged.get(last).language(), phrase.language())) {
                merged.set(last, new Phrase(merged.get(last).text() + phrase.text(), phrase.language()));
            } else {
                merged.add(phrase);
            }
        }
        return merged;
    }

    /** The phrases followed by {@code more}. */
    static List<Phrase> then(List<Phrase> phrases, Phrase... more) {
        List<Phrase> joined = new ArrayList<>(phrases);
        joined.addAll(List.of(more));
        return joined;
    }

    /**
     * Wraps printable phrases as {@link Wrap#lines} wraps their text, each line keeping the language
     * of each part of it. The phrases together must be printable text as {@link PrintableText#line}
     * makes it (single spaces, none at the ends), which catalogue text and printable values joined
     * with single spaces are.
     */
    static List<List<Phrase>> wrap(List<Phrase> phrases, FontChain font, float size, float width) {
        String whole = text(phrases);
        List<String> lines = Wrap.lines(whole, font, size, width);
        if (phrases.size() == 1) {
            String language = phrases.get(0).language();
            return lines.stream().map(line -> List.of(new Phrase(line, language))).toList();
        }
        List<List<Phrase>> wrapped = new ArrayList<>();
        int at = 0;
        for (String line : lines) {
            int start = whole.indexOf(line, at);
            if (start < 0) {
                // Not the text Wrap was given back: print it as it is rather than lose a word.
                return lines.stream().map(Phrase::line).toList();
            }
            wrapped.add(slice(phrases, start, start + line.length()));
            at = start + line.length();
        }
        return wrapped;
    }

    /** The parts of {@code phrases} between two positions of their joined text. */
    private static List<Phrase> slice(List<Phrase> phrases, int start, int end) {
        List<Phrase> slice = new ArrayList<>();
        int offset = 0;
        for (Phrase phrase : phrases) {
            int from = Math.max(start, offset);
            int to = Math.min(end, offset + phrase.text().length());
            if (from < to) {
                slice.add(new Phrase(phrase.text().substring(from - offset, to - offset), phrase.language()));
            }
            offset += phrase.text().length();
        }
        return slice;
    }
}
