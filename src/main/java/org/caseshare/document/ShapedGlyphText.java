package org.caseshare.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The characters behind the glyphs that shaping makes. PDFBox shapes Bengali, Devanagari, Gujarati
 * and Gurmukhi from the font's GSUB table, and a conjunct or half form it draws is a glyph that no
 * character maps to, so the font's ToUnicode map leaves it out; PDF/A-2u (6.2.11.7.2) and PDF/UA-1
 * (7.21.7) want every glyph shown mapped to Unicode. This works out, for each such glyph, the
 * characters it stands for — the characters of the user-perceived character it was shaped from that
 * no plainly mapped glyph accounts for — and adds them to the map once the font has been subset.
 * Copy and search already use each run's ActualText; this is for readers that look glyph by glyph.
 */
final class ShapedGlyphText {

    private final GsubWorkerFactory workers = new GsubWorkerFactory();
    private final Map<PDType0Font, Map<Integer, String>> unmapped = new LinkedHashMap<>();

    /** Notes the glyphs {@code text} becomes in {@code font}, as PDFBox will shape it when drawn. */
    void shown(PDFont font, String text) {
        if (!(font instanceof PDType0Font type0) || type0.getGsubData() == GsubData.NO_DATA_FOUND) {
            return;
        }
        CmapLookup cmap = type0.getCmapLookup();
        GsubWorker worker = workers.getGsubWorker(cmap, type0.getGsubData());
        Map<Integer, String> glyphs = unmapped.computeIfAbsent(type0, f -> new HashMap<>());
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            List<Integer> boundaries = Runs.clusterBoundaries(word);
            for (int i = 1; i < boundaries.size(); i++) {
                credit(word.substring(boundaries.get(i - 1), boundaries.get(i)), cmap, worker, glyphs);
            }
            // PDFBox shapes the whole word; a glyph only the whole word forms stands for the word.
            for (int glyph : shape(word, cmap, worker)) {
                if (!mapped(cmap, glyph)) {
                    glyphs.putIfAbsent(glyph, word);
                }
            }
        }
    }

    /** Adds the glyphs noted to each font's ToUnicode map; call after the fonts are subset (after a first save). */
    void addToUnicodeMaps() throws IOException {
        for (Map.Entry<PDType0Font, Map<Integer, String>> font : unmapped.entrySet()) {
            if (font.getValue().isEmpty()) {
                continue;
            }
            COSStream toUnicode = font.getKey().getCOSObject().getCOSStream(COSName.TO_UNICODE);
            if (toUnicode == null) {
                continue;
            }
            String cmap;
            try (InputStream in = toUnicode.createInputStream()) {
                cmap = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            int end = cmap.lastIndexOf("endcmap");
            String added = bfchar(new TreeMap<>(font.getValue()));
            try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
                out.write((cmap.substring(0, end) + added + cmap.substring(end)).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Gives the glyphs of one cluster that map to no character the cluster's characters that no mapped glyph shows. */
    private static void credit(String cluster, CmapLookup cmap, GsubWorker worker, Map<Integer, String> glyphs) {
        List<Integer> shaped = shape(cluster, cmap, worker);
        StringBuilder left = new StringBuilder(cluster);
        List<Integer> missing = new ArrayList<>();
        for (int glyph : shaped) {
            if (mapped(cmap, glyph)) {
                for (int code : cmap.getCharCodes(glyph)) {
                    int at = left.indexOf(new String(Character.toChars(code)));
                    if (at >= 0) {
                        left.deleteCharAt(at);
                        break;
                    }
                }
            } else {
                missing.add(glyph);
            }
        }
        String rest = left.isEmpty() ? cluster : left.toString();
        // Shared out in order, each glyph at least one character: a conjunct is one glyph, a half form and its base two.
        for (int i = 0; i < missing.size(); i++) {
            int from = Math.min(i * rest.length() / missing.size(), rest.length() - 1);
            int to = i == missing.size() - 1 ? rest.length() : Math.max((i + 1) * rest.length() / missing.size(), from + 1);
            glyphs.putIfAbsent(missing.get(i), rest.substring(from, to));
        }
    }

    private static List<Integer> shape(String word, CmapLookup cmap, GsubWorker worker) {
        List<Integer> glyphs = new ArrayList<>();
        for (char c : word.toCharArray()) {
            glyphs.add(cmap.getGlyphId(c));
        }
        return worker.applyTransforms(glyphs);
    }

    private static boolean mapped(CmapLookup cmap, int glyph) {
        List<Integer> codes = cmap.getCharCodes(glyph);
        return codes != null && !codes.isEmpty();
    }

    private static String bfchar(Map<Integer, String> glyphs) {
        StringBuilder out = new StringBuilder();
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(glyphs.entrySet());
        // A CMap block holds at most 100 entries (Adobe technical note 5411).
        for (int start = 0; start < entries.size(); start += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(start, Math.min(start + 100, entries.size()));
            out.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                out.append(String.format("<%04X> <", entry.getKey()));
                for (byte b : entry.getValue().getBytes(StandardCharsets.UTF_16BE)) {
                    out.append(String.format("%02X", b & 0xff));
                }
                out.append(">\n");
            }
            out.append("endbfchar\n");
        }
        return out.toString();
    }
}
