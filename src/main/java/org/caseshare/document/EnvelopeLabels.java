package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;

/**
 * Labels for the guide's double envelope. The inner label names the addressee and carries the
 * marking "Private and Confidential – To be opened by Addressee Only"; the outer label has only the
 * postal address and the return address — no marking, no name, no job title, no department, no
 * organisation — so that "there is nothing on the outer envelope that would indicate that it
 * contains personal information" (an organisation such as a clinic can say as much as a marking).
 * Both carry the return address, as the guide asks.
 */
public final class EnvelopeLabels {

    public static final String MARKING = Catalogue.text(Languages.ENGLISH, "documents.envelope.marking");

    private EnvelopeLabels() {
    }

    /** Prints the inner and outer labels at the first two positions of the sheet, in English. */
    public static void render(Addressee recipient, ReturnAddress returnAddress, LabelFormat format, OutputStream out)
            throws IOException {
        render(recipient, returnAddress, format, 1, DocumentLanguage.ENGLISH, out);
    }

    /** Prints the inner and outer labels at the first two positions of the sheet, in {@code language}. */
    public static void render(Addressee recipient, ReturnAddress returnAddress, LabelFormat format, DocumentLanguage language,
            OutputStream out) throws IOException {
        render(recipient, returnAddress, format, 1, language, out);
    }

    /** As {@link #render(Addressee, ReturnAddress, LabelFormat, int, DocumentLanguage, OutputStream)}, in English. */
    public static void render(Addressee recipient, ReturnAddress returnAddress, LabelFormat format, int firstPosition,
            OutputStream out) throws IOException {
        render(recipient, returnAddress, format, firstPosition, DocumentLanguage.ENGLISH, out);
    }

    /**
     * Prints the inner label at {@code firstPosition} (1-based, along the rows) and the outer label
     * at the next, so a part-used sheet of labels can be used up. In Welsh, or in both languages, the
     * marking and the return line are in Welsh, or Welsh then English; the address is as it was given.
     *
     * @throws TextDoesNotFitException if the address is too long for this format
     */
    public static void render(Addressee recipient, ReturnAddress returnAddress, LabelFormat format, int firstPosition,
            DocumentLanguage language, OutputStream out) throws IOException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(returnAddress, "returnAddress");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
        if (firstPosition < 1 || firstPosition >= format.labelsPerSheet()) {
            throw new IllegalArgumentException("the two labels need positions " + firstPosition + " and "
                    + (firstPosition + 1) + " but the sheet has " + format.labelsPerSheet());
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            Tagged tags = Tagged.document(document, language.plain("documents.envelope.title"), language);
            Fonts fonts = Fonts.embedded(document);
            try (Canvas canvas = new Canvas(tags, document, page)) {
                label(canvas, fonts, format, format.area(firstPosition), language.joined("documents.envelope.inner-caption"),
                        inner(recipient, returnAddress, language));
                label(canvas, fonts, format, format.area(firstPosition + 1), language.joined("documents.envelope.outer-caption"),
                        outer(recipient, returnAddress, language));
            }
            tags.save(out);
        }
    }

    static List<LabelText.Line> inner(Addressee recipient, ReturnAddress returnAddress, DocumentLanguage language) {
        List<LabelText.Line> lines = new ArrayList<>();
        // Welsh first, then English, each a line of its own: the marking is what the envelope must say.
        language.each("documents.envelope.marking").forEach(marking -> lines.add(LabelText.Line.bold(marking)));
        lines.add(new LabelText.Line(Phrase.line(PrintableText.line(recipient.name())), true, 1, true));
        // On one line, wrapped only if long, so the address still fits the small labels at a readable size.
        lines.add(LabelText.Line.plain(recipient.jobTitle().isEmpty() ? recipient.department()
                : recipient.jobTitle() + ", " + recipient.department()));
        lines.add(LabelText.Line.plain(recipient.organisation()));
        recipient.address().lines().forEach(line -> lines.add(LabelText.Line.plain(line)));
        lines.add(returnLine(returnAddress, language));
        return lines;
    }

    static List<LabelText.Line> outer(Addressee recipient, ReturnAddress returnAddress, DocumentLanguage language) {
        List<LabelText.Line> lines = new ArrayList<>();
        recipient.address().lines().forEach(line -> lines.add(LabelText.Line.plain(line)));
        lines.add(returnLine(returnAddress, language));
        return lines;
    }

    /** "If undelivered, please return to: …", the words in each language joined before the one address. */
    private static LabelText.Line returnLine(ReturnAddress returnAddress, DocumentLanguage language) {
        return new LabelText.Line(Phrase.then(language.joined("documents.envelope.return-to"),
                Phrase.of(": " + PrintableText.line(returnAddress.oneLine()))), false, 0.75f, true);
    }

    private static void label(Canvas canvas, Fonts fonts, LabelFormat format, PDRectangle area, List<Phrase> caption,
            List<LabelText.Line> lines) throws IOException {
        float padding = Canvas.mm(format.plainPaper() ? 6 : 3);
        if (format.plainPaper()) {
            canvas.cutLine(area.getLowerLeftX(), area.getLowerLeftY(), area.getWidth(), area.getHeight());
            canvas.text(area.getLowerLeftX(), area.getUpperRightY() + Canvas.mm(3), fonts.regular(), 9, caption);
        }
        LabelText.draw(canvas, fonts, area, padding, format.largestFontSize(), lines);
    }
}
