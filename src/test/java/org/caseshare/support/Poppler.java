package org.caseshare.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads PDFs with Debian's poppler-utils, a reader that shares no code with PDFBox which wrote them:
 * {@code pdftotext} for the text a person copying from the page would get, {@code pdffonts} for
 * whether every font is embedded.
 */
public final class Poppler {

    private Poppler() {
    }

    /**
     * The text of the PDF, compared as a reader sees it: pdftotext returns right-to-left lines
     * wrapped in embedding marks (U+202B ... U+202C), which are dropped, and Arabic in the joined
     * presentation forms it was drawn in, which NFKC turns back into the letters typed.
     */
    public static String text(byte[] pdf) throws IOException {
        String text = run(pdf, "pdftotext", "-enc", "UTF-8", "{pdf}", "-");
        String unmarked = text.replaceAll("[\\u202A-\\u202E\\u200E\\u200F\\u2066-\\u2069]", "");
        return Normalizer.normalize(unmarked, Normalizer.Form.NFKC);
    }

    /** One row per font: its name and whether it is embedded ("yes"/"no"), from pdffonts. */
    public static List<String[]> fonts(byte[] pdf) throws IOException {
        List<String[]> fonts = new ArrayList<>();
        List<String> lines = run(pdf, "pdffonts", "{pdf}").lines().toList();
        for (String line : lines.subList(2, lines.size())) {
            String[] columns = line.strip().split("\\s+");
            // name, type words..., encoding, emb, sub, uni, object, generation: emb is the fifth from the end
            fonts.add(new String[] {columns[0], columns[columns.length - 5]});
        }
        return fonts;
    }

    private static String run(byte[] pdf, String... command) throws IOException {
        Path file = Files.createTempFile("poppler", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> args = new ArrayList<>();
            for (String arg : command) {
                args.add(arg.equals("{pdf}") ? file.toString() : arg);
            }
            Process process = new ProcessBuilder(args).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command[0] + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command[0] + " was interrupted", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
