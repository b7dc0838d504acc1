package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;

/**
 * The fax cover sheet the guide asks for — "clearly states who it is for, and mark it 'Private and
 * Confidential'" — with what receiving organisations expect of one: a unique reference, originator,
 * recipient and page count, the protective marking top and bottom, and what to do if it arrives at
 * the wrong machine. It is printed in English, Welsh or both ({@link DocumentLanguage}).
 */
public final class FaxCoverSheet {

    public static final String PRIVATE_AND_CONFIDENTIAL = Catalogue.text(Languages.ENGLISH, "documents.fax.private");
    public static final String IF_RECEIVED_IN_ERROR = Catalogue.text(Languages.ENGLISH, "documents.fax.received-in-error");

    /** When it was sent, in the words of the language printed: "Tuesday 24 November 2026, 10:15 GMT". */
    private static final String SENT = "EEEE d MMMM uuuu, HH:mm zzz";
    private static final float VALUE_X = MarkedPage.MARGIN + 150;
    /** A label wider than this is wrapped rather than run into its value. */
    private static final float LABEL_WIDTH = VALUE_X - MarkedPage.MARGIN - 8;
    /** Between the Welsh and the English of one instruction. */
    private static final float BETWEEN_LANGUAGES = 5;

    private FaxCoverSheet() {
    }

    /** The cover sheet in English. */
    public static void render(FaxCover cover, OutputStream out) throws IOException {
        render(cover, DocumentLanguage.ENGLISH, out);
    }

    public static void render(FaxCover cover, DocumentLanguage language, OutputStream out) throws IOException {
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(language, "language");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            Tagged tags = Tagged.document(document, language.plain("documents.fax.title", cover.reference()), language);
            Fonts fonts = Fonts.embedded(document);
            try (Canvas canvas = new Canvas(tags, document, page)) {
                MarkedPage.header(canvas, fonts, cover.marking(), 1);
                float y = title(canvas, fonts, language);
                y = section(canvas, fonts, y, language.each("documents.fax.for-the-attention-of"), List.of(
                        row(language, "documents.fax.name", cover.recipient().name()),
                        row(language, "documents.fax.organisation", cover.recipient().organisation()),
                        row(language, "documents.fax.fax-number", cover.recipient().faxNumber())));
                y = section(canvas, fonts, y, language.each("documents.fax.from"), List.of(
                        row(language, "documents.fax.name", cover.originator().name()),
                        row(language, "documents.fax.organisation", cover.originator().organisation()),
                        row(language, "documents.fax.telephone", cover.originator().telephone())));
                y = section(canvas, fonts, y, language.each("documents.fax.this-fax"), List.of(
                        row(language, "documents.fax.reference", cover.reference()),
                        new Row(language.each("documents.fax.sent"),
                                language.each(locale -> DateTimeFormatter.ofPattern(SENT, dates(locale)).format(cover.sentAt()))),
                        new Row(language.each("documents.fax.number-of-pages"),
                                language.each("documents.fax.pages-including-cover", String.valueOf(cover.pagesIncludingCover())))));
                instructions(canvas, fonts, y, cover, language);
                MarkedPage.footer(canvas, fonts, language, cover.marking(), 1, cover.pagesIncludingCover());
            }
            tags.save(out);
        }
    }

    /** A label, in each language printed, and its value in each (a name is the same in both). */
    private record Row(List<List<Phrase>> label, List<List<Phrase>> value) {
    }

    private static Row row(DocumentLanguage language, String label, String value) {
        return new Row(language.each(label), List.of(Phrase.line(PrintableText.line(value))));
    }

    /** British English for English, so the zone reads GMT or BST. */
    private static Locale dates(Locale locale) {
        return Languages.welsh(locale) ? locale : Locale.UK;
    }

    private static float title(Canvas canvas, Fonts fonts, DocumentLanguage language) throws IOException {
        float left = MarkedPage.MARGIN;
        float width = canvas.width() - 2 * left;
        canvas.into(canvas.element(StandardStructureTypes.H1)).text(left, 730, fonts.bold(), 30, language.joined("documents.fax.heading"));
        List<List<Phrase>> confidential = DocumentLanguage.lines(language.each("documents.fax.private"), fonts.bold(), 28, width - 24);
        List<List<Phrase>> named = DocumentLanguage.lines(language.each("documents.fax.named-recipient-only"), fonts.regular(), 12, width - 24);
        float top = 710;
        float y = 680;
        canvas.into(null);
        float bottom = y - 32 * (confidential.size() - 1) - 24 - 15 * (named.size() - 1) - 16;
        canvas.box(left, bottom, width, top - bottom, 3);
        for (List<Phrase> line : confidential) {
            canvas.centred(canvas.width() / 2, y, fonts.bold(), 28, line);
            y -= 32;
        }
        y += 32 - 24;
        for (List<Phrase> line : named) {
            canvas.centred(canvas.width() / 2, y, fonts.regular(), 12, line);
            y -= 15;
        }
        return bottom - 30;
    }

    private static float section(Canvas canvas, Fonts fonts, float top, List<List<Phrase>> heading, List<Row> rows) throws IOException {
        float y = top;
        float headingWidth = canvas.width() - 2 * MarkedPage.MARGIN;
        canvas.into(canvas.element(StandardStructureTypes.H2));
        for (List<Phrase> line : DocumentLanguage.lines(heading, fonts.bold(), 14, headingWidth)) {
            canvas.text(MarkedPage.MARGIN, y, fonts.bold(), 14, line);
            y -= 18;
        }
        y -= 4;
        float width = canvas.width() - MarkedPage.MARGIN - VALUE_X;
        for (Row row : rows) {
            List<List<Phrase>> label = DocumentLanguage.lines(row.label(), fonts.regular(), 11, LABEL_WIDTH);
            // A label on two lines (Welsh, then English) is still one paragraph.
            canvas.into(label.size() == 1 ? null : canvas.element(StandardStructureTypes.P));
            float labelY = y;
            for (List<Phrase> line : label) {
                canvas.text(MarkedPage.MARGIN, labelY, fonts.regular(), 11, line);
                labelY -= 16;
            }
            // A value wrapped over lines is still one paragraph to a screen reader.
            canvas.into(canvas.element(StandardStructureTypes.P));
            float valueY = y;
            for (List<Phrase> paragraph : row.value()) {
                for (List<Phrase> line : Phrase.wrap(paragraph, fonts.bold(), 12, width)) {
                    canvas.text(VALUE_X, valueY, fonts.bold(), 12, line);
                    valueY -= 16;
                }
            }
            y = Math.min(labelY, valueY) - 2;
        }
        return y - 14;
    }

    private static void instructions(Canvas canvas, Fonts fonts, float top, FaxCover cover, DocumentLanguage language) throws IOException {
        float left = MarkedPage.MARGIN;
        float width = canvas.width() - 2 * left;
        float inner = width - 24;
        FontChain bold = fonts.bold();
        String telephone = PrintableText.line(cover.originator().telephone());
        List<List<List<Phrase>>> error = paragraphs(language.each("documents.fax.received-in-error"), bold, 13, inner);
        List<List<List<Phrase>>> confirm = paragraphs(language.each("documents.fax.confirm", telephone,
                String.valueOf(cover.pagesIncludingCover())), fonts.regular(), 11, inner);
        float height = 16 + lines(error) * 17 + gaps(error) + 6 + 15 + 8 + lines(confirm) * 14 + gaps(confirm) + 8;
        float bottom = Math.max(top - height, MarkedPage.BOTTOM);
        canvas.box(left, bottom, width, height, 1.5f);
        float y = bottom + height - 26;
        for (List<List<Phrase>> paragraph : error) {
            canvas.into(canvas.element(StandardStructureTypes.P));
            for (List<Phrase> line : paragraph) {
                canvas.text(left + 12, y, bold, 13, line);
                y -= 17;
            }
            y -= paragraph == error.get(error.size() - 1) ? 0 : BETWEEN_LANGUAGES;
        }
        canvas.into(null).text(left + 12, y - 4, fonts.regular(), 11,
                Phrase.then(language.joined("documents.fax.senders-telephone"), Phrase.of(": " + telephone)));
        y -= 27;
        for (List<List<Phrase>> paragraph : confirm) {
            canvas.into(canvas.element(StandardStructureTypes.P));
            for (List<Phrase> line : paragraph) {
                canvas.text(left + 12, y, fonts.regular(), 11, line);
                y -= 14;
            }
            y -= BETWEEN_LANGUAGES;
        }
    }

    /** Each language's words as a paragraph of its own, wrapped. */
    private static List<List<List<Phrase>>> paragraphs(List<List<Phrase>> each, FontChain font, float size, float width) {
        return each.stream().map(words -> Phrase.wrap(words, font, size, width)).toList();
    }

    private static int lines(List<List<List<Phrase>>> paragraphs) {
        return paragraphs.stream().mapToInt(List::size).sum();
    }

    private static float gaps(List<List<List<Phrase>>> paragraphs) {
        return (paragraphs.size() - 1) * BETWEEN_LANGUAGES;
    }
}
