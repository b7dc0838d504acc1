package org.caseshare.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One font file in the jar (see fonts/SOURCES.txt for where each came from and its licence). Its
 * bytes and the set of characters it has are read once, on first use, and shared; each document
 * parses its own copy, because PDFBox fonts keep unsynchronised caches and are bound to one document.
 */
final class Typeface {

    /** Planes 0 to 2: every script in the chain, Chinese extension B included; nothing above is drawn. */
    private static final int LAST_CODE_POINT = 0x2FFFF;

    /** The proportional face of the WenQuanYi collection, not its monospaced one. */
    private static final String COLLECTION_FACE = "WenQuanYiMicroHei";

    private final String resource;
    private final boolean collection;
    private final boolean complex;
    private volatile Loaded loaded;

    private record Loaded(byte[] bytes, BitSet coverage) {
    }

    /**
     * @param complex the script needs glyphs reordered or joined, so what is drawn differs from what
     *        was typed and the run carries the typed text for copying and searching
     */
    Typeface(String resource, boolean complex) {
        this.resource = resource;
        this.collection = resource.endsWith(".ttc");
        this.complex = complex;
    }

    String resource() {
        return resource;
    }

    boolean complex() {
        return complex;
    }

    boolean has(int codePoint) {
        return codePoint <= LAST_CODE_POINT && loaded().coverage().get(codePoint);
    }

    /** A fresh parse of the font, for one document; the document closes it once saved. */
    TrueTypeFont open() throws IOException {
        return parse(loaded().bytes());
    }

    private TrueTypeFont parse(byte[] bytes) throws IOException {
        if (!collection) {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }
        // Its data is in memory, so the collection needs no closing beyond its fonts'.
        TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(bytes));
        return fonts.getFontByName(COLLECTION_FACE);
    }

    private Loaded loaded() {
        Loaded result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = load();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private Loaded load() {
        try (InputStream in = Typeface.class.getResourceAsStream("/fonts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the font fonts/" + resource + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            try (TrueTypeFont font = parse(bytes)) {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                BitSet coverage = new BitSet(LAST_CODE_POINT + 1);
                for (int c = 0; c <= LAST_CODE_POINT; c++) {
                    if (cmap.getGlyphId(c) != 0) {
                        coverage.set(c);
                    }
                }
                return new Loaded(bytes, coverage);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font fonts/" + resource, e);
        }
    }
}
