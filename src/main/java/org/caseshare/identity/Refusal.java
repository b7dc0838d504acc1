package org.caseshare.identity;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A request refused for a reason the person can fix, with the catalogue's words for it: pages show
 * {@link #text()} in the reader's language; the message (the API's, the logs') stays in English.
 */
public class Refusal extends IllegalArgumentException {

    private final Text text;

    public Refusal(String code, Object... args) {
        super(Catalogue.text(Languages.ENGLISH, code, args));
        this.text = Text.of(code, args);
    }

    public Refusal(Text text) {
        super(text.resolve(Languages.ENGLISH));
        this.text = text;
    }

    public Text text() {
        return text;
    }

    /** The words of any refusal: the catalogue's for a {@link Refusal}, otherwise its message as it is. */
    public static Text textOf(IllegalArgumentException refused) {
        return refused instanceof Refusal refusal ? refusal.text() : Text.literal(refused.getMessage());
    }
}
