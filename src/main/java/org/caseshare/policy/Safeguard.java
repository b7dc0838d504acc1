package org.caseshare.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One measure a practitioner takes when sharing, in the guide's words, with a stable id (e.g.
 * {@code post.double-envelope}) that records and checklists can refer to for years.
 *
 * @param id stable id: a section and a name, lower case with hyphens
 * @param text what to do, in the guide's wording
 * @param channels the channels whose checklist always includes it; empty when only a rule adds it
 * @param guideQuotes passages of the guide it comes from, quoted exactly; empty if it comes from
 *     {@code reference} instead
 * @param reference the published practice it comes from, when the guide does not say it
 * @param textWelsh the text in Welsh ({@code text-cy}), shown on Welsh pages; optional
 */
public record Safeguard(String id, String text, Set<Channel> channels, List<String> guideQuotes,
        Optional<String> reference, Optional<String> textWelsh) {

    public Safeguard(String id, String text, Set<Channel> channels, List<String> guideQuotes, Optional<String> reference) {
        this(id, text, channels, guideQuotes, reference, Optional.empty());
    }

    public static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");

    public Safeguard {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("safeguard id '" + id + "' is not section.name in lower case");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("safeguard " + id + " has no text");
        }
        channels = Set.copyOf(channels);
        guideQuotes = List.copyOf(guideQuotes);
        Objects.requireNonNull(reference, "reference");
        if (guideQuotes.isEmpty() && reference.isEmpty()) {
            throw new IllegalArgumentException("safeguard " + id + " cites neither the guide nor a reference");
        }
        textWelsh = Objects.requireNonNull(textWelsh, "textWelsh").filter(t -> !t.isBlank());
    }

    /** What to do, in Welsh when Welsh is asked for and the policy has it, else in English. */
    public String textFor(Locale language) {
        return Welsh.wanted(language) ? textWelsh.orElse(text) : text;
    }

    /** The section the id starts with, e.g. "post" for {@code post.double-envelope}. */
    public String section() {
        return id.substring(0, id.indexOf('.'));
    }
}
