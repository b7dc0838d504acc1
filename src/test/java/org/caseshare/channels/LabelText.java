package org.caseshare.channels;

import java.awt.geom.Rectangle2D;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.caseshare.document.LabelFormat;

/** The text of the inner (first) and outer (second) label of a sheet, read back from the PDF by PDFBox. */
record LabelText(String inner, String outer) {

    static LabelText read(byte[] pdf, LabelFormat format) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("inner", region(page, format.area(1)));
            stripper.addRegion("outer", region(page, format.area(2)));
            stripper.extractRegions(page);
            return new LabelText(stripper.getTextForRegion("inner").replaceAll("\\s+", " "),
                    stripper.getTextForRegion("outer").replaceAll("\\s+", " "));
        }
    }

    /** PDF areas count up from the bottom; text regions count down from the top. */
    private static Rectangle2D region(PDPage page, PDRectangle area) {
        float height = page.getMediaBox().getHeight();
        return new Rectangle2D.Float(area.getLowerLeftX(), height - area.getUpperRightY(), area.getWidth(), area.getHeight());
    }
}
