package org.caseshare.document;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A character that no font of the document has. The document is refused rather than printed with
 * the character changed or left out: a name or address must go out as it was typed, or not at all.
 * The message names the character by its code and Unicode name — never the text around it, which
 * may be a person's name.
 */
public class UnprintableCharacterException extends RuntimeException {

    private static final String CODE = "documents.unprintable";

    private final int codePoint;

    public UnprintableCharacterException(int codePoint) {
        super(Catalogue.text(Languages.ENGLISH, CODE, describe(codePoint)));
        this.codePoint = codePoint;
    }

    public int codePoint() {
        return codePoint;
    }

    /** The message (in English as {@link #getMessage()}), to be put into the words of whoever reads it. */
    public Text text() {
        return Text.of(CODE, describe(codePoint));
    }

    /** "U+1F600 GRINNING FACE", or "U+D800 (an unpaired surrogate)". */
    public static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        if (Character.getType(codePoint) == Character.SURROGATE) {
            return code + " (an unpaired surrogate)";
        }
        String name = Character.getName(codePoint);
        return name == null ? code + " (not an assigned character)" : code + " " + name;
    }
}
