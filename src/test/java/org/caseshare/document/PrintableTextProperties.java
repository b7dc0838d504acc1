package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a name or value holds, it prints as typed or the document is refused naming a character
 * that was typed: nothing is transliterated or silently lost, and nothing invisible survives.
 */
class PrintableTextProperties {

    @Property(tries = 2000)
    void printableTextKeepsEveryVisibleCharacterAndNothingInvisible(@ForAll("anything") String text) {
        String printable = PrintableText.line(text);

        String visible = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(printable.replace(" ", "")).isEqualTo(visible);
        assertThat(printable.chars()).noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        assertThat(printable).doesNotContain("  ").isEqualTo(printable.strip());
    }

    @Property(tries = 150)
    void anyNamePrintsOnEveryDocumentOrIsRefusedNamingATypedCharacter(@ForAll("anything") String name) throws Exception {
        String safe = name.length() > PostalAddress.MAX_LINE_LENGTH ? name.substring(0, PostalAddress.MAX_LINE_LENGTH) : name;
        String oneLine = safe.replaceAll("[\\r\\n]", " ").isBlank() ? "x" : safe.replaceAll("[\\r\\n]", " ");
        Addressee addressee = new Addressee(oneLine, oneLine, oneLine, oneLine, PostalAddress.of(oneLine, "RG1 1AA"));

        try {
            EnvelopeLabels.render(addressee, EnvelopeLabelsTests.SENDER, LabelFormat.A4_SHEET, new ByteArrayOutputStream());
            RecordSummaryDocument.render(new RecordSummary(oneLine, "OFFICIAL", List.of(new RecordSummary.Field(oneLine, name))),
                    new ByteArrayOutputStream());
            FaxCoverSheet.render(new FaxCover("R-1", FaxCoverSheetTests.SENT, new FaxOriginator(oneLine, oneLine, "0118 974 6000"),
                    new FaxRecipient(oneLine, oneLine, "0118 974 6001"), 2, "OFFICIAL"), new ByteArrayOutputStream());
        } catch (UnprintableCharacterException e) {
            // A character of the text as printed: with the invisible ones left out, two lone surrogates that a
            // direction mark kept apart (jqwik found "\ud83d\u202e\ude00") become one character, which is named.
            // Forms refuse lone surrogates long before a document is made (ComposedParameters).
            assertThat(PrintableText.line(name).codePoints()).contains(e.codePoint());
            assertThat(FontChain.REGULAR).noneMatch(face -> face.has(e.codePoint()));
        } catch (TextDoesNotFitException e) {
            // a long run of wide characters may not fit a label: refused too, and says so
        }
    }

    @Provide
    Arbitrary<String> anything() {
        String nasty = "\u202e\u202d\u2066\u200b\u200f\ufeff\u0000\u0007\t\u00a0\u2028\u0301\u0308\u00eb\u015c\u0175"
                + "\u0645\u0644\u0627\u05d1\u5317\u0995\u09c7\u0915\u094d\u0937\u0a38\u0a3f\u0ab8\u0430\u03b1\ud83d\ude00\ud800\udc00"
                + "\u2603\u2013\u20ac";
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().withChars(nasty.toCharArray()).withChars('a', 'z').withChars(' ').ofMaxLength(120));
    }
}
