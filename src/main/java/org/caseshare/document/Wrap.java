package org.caseshare.document;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping of printable text; a word wider than the line is broken between letters. */
final class Wrap {

    private Wrap() {
    }

    static List<String> lines(String printable, FontChain font, float size, float width) {
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
            // Broken only between user-perceived characters, so no accent or vowel sign parts from its letter.
            List<Integer> breaks = Runs.clusterBoundaries(word);
            for (int i = 0; i < breaks.size() - 1; ) {
                int end = i + 1;
                while (end < breaks.size() - 1 && width(word.substring(breaks.get(i), breaks.get(end + 1)), font, size) <= width) {
                    end++;
                }
                if (end < breaks.size() - 1) {
                    lines.add(word.substring(breaks.get(i), breaks.get(end)));
                } else {
                    line.append(word, breaks.get(i), breaks.get(end));
                }
                i = end;
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(String printable, FontChain font, float size) {
        return Runs.width(printable, font, size);
    }
}
