package org.caseshare.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/** An email to send: one recipient, a subject and a plain-text body with no personal data in it. */
public record OutgoingMail(String to, String subject, String body) {

    /** Between the Welsh and the English of an email written in both. */
    static final String BETWEEN_LANGUAGES = "\n----------\n\n";

    public OutgoingMail {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }

    /**
     * An email written from the catalogues ({@code i18n/mail*.properties}) in the recipient's
     * languages: in each of them in turn, in one message, as the Welsh Language Standards ask when an
     * organisation works in both (Welsh first). The subject is each language's, joined by " / "; the
     * body is each language's paragraphs, a blank line between them. No languages means English.
     */
    public static OutgoingMail written(String to, List<Locale> languages, Text subject, List<Text> paragraphs) {
        List<Locale> in = languages == null || languages.isEmpty() ? List.of(Languages.ENGLISH) : languages;
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Locale language : in) {
            String inThisLanguage = subject.resolve(language);
            if (!subjects.contains(inThisLanguage)) {
                subjects.add(inThisLanguage);
            }
            bodies.add(String.join("\n\n", paragraphs.stream().map(paragraph -> paragraph.resolve(language)).toList()) + "\n");
        }
        return new OutgoingMail(to, String.join(" / ", subjects), String.join(BETWEEN_LANGUAGES, bodies));
    }
}
