package org.caseshare.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for typed text: no control characters (C0, DEL, C1), except tab and line breaks in a
 * field marked {@link MultiLine}, and no bidirectional controls (embeddings, overrides, isolates and
 * the invisible direction marks). They are invisible on the page, can reorder what a reader sees
 * ("cod.exe" shown as "exe.doc") and break exports and logs, and nobody types them on purpose.
 * The message names the character and where it is, so the person can find it in what they pasted.
 */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with a value, if anything, in a sentence that starts with {@code label}. */
    public static Optional<String> problem(String label, String value, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            position++;
            if (control(c, multiLine)) {
                return Optional.of(label + " must not contain the control character " + code(c) + " (at position " + position + ")");
            }
            if (bidi(c)) {
                return Optional.of(label + " must not contain the invisible text-direction character " + code(c)
                        + " (at position " + position + ")");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * Every text field of a form or request record that breaks the rule, as field name to message;
     * {@code List<String>} fields (rows of a form) are checked item by item.
     */
    public static Map<String, String> check(Record form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null) {
            return errors;
        }
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            boolean multiLine = component.isAnnotationPresent(MultiLine.class);
            String label = label(component.getName());
            Object value = value(form, component);
            if (value instanceof String text) {
                problem(label, text, multiLine).ifPresent(message -> errors.put(component.getName(), message));
            } else if (value instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof String text && !errors.containsKey(component.getName())) {
                        problem(label, text, multiLine).ifPresent(message -> errors.put(component.getName(), message));
                    }
                }
            }
        }
        return errors;
    }

    /** "decisionReasons" becomes "Decision reasons". */
    static String label(String fieldName) {
        String words = fieldName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean control(int c, boolean multiLine) {
        boolean isControl = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        return isControl && !(multiLine && (c == '\t' || c == '\n' || c == '\r'));
    }

    private static boolean bidi(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    private static String code(int c) {
        return String.format("U+%04X", c);
    }

    private static Object value(Record form, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(form);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + form.getClass().getSimpleName(), e);
        }
    }
}
