package org.caseshare.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Greedy word wrapping of printable text; a word wider than the line is broken between letters. */
final class Wrap {

    private Wrap() {
    }

    static List<String> lines(String printable, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int end = i + 1;
                while (end < word.length() && width(word.substring(i, end + 1), font, size) <= width) {
                    end++;
                }
                if (end < word.length()) {
                    lines.add(word.substring(i, end));
                } else {
                    line.append(word, i, end);
                }
                i = end;
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(String printable, PDFont font, float size) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
