package org.caseshare.document;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Reads rendered PDFs back as a person would: their text, the text within one label, a picture. */
final class Pdfs {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Pdfs() {
    }

    interface Render {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    static byte[] render(Render render) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render.to(out);
        return out.toByteArray();
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text of one page, its lines in reading order. */
    static String text(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    /** The text inside an area of page 1 given in PDF points (origin bottom left). */
    static String textIn(byte[] pdf, PDRectangle area) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("area", new Rectangle2D.Float(area.getLowerLeftX(), pageHeight - area.getUpperRightY(),
                    area.getWidth(), area.getHeight()));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("area");
        }
    }

    /** Text with line breaks folded to spaces, so a phrase wrapped over two lines still matches. */
    static String folded(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Saves page {@code page} (1-based) as target/screenshots/{name}.png, for a person to look at. */
    static Path screenshot(byte[] pdf, int page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 100);
            ImageIO.write(image, "png", file.toFile());
        }
        return file;
    }
}
