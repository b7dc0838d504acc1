package org.caseshare.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for typed text: no control characters (C0, DEL, C1), except tab and line breaks in a
 * field marked {@link MultiLine}, and no bidirectional controls (embeddings, overrides, isolates and
 * the invisible direction marks). They are invisible on the page, can reorder what a reader sees
 * ("cod.exe" shown as "exe.doc") and break exports and logs, and nobody types them on purpose.
 * Nor text that is not text: an unpaired surrogate (half of a character, left by a broken copy),
 * a Unicode non-character (U+FFFE, U+FDD0 and the like, reserved never to be exchanged), or more
 * than {@value #MAX_MARKS} combining marks in a row on one letter ("Zalgo" text, which no name
 * needs and which draws over the lines around it).
 * The message names the character and where it is, so the person can find it in what they pasted.
 */
public final class PlainText {

    /** Vietnamese stacks two marks on a letter and Indic scripts a few; ten is far past any name. */
    static final int MAX_MARKS = 10;

    private PlainText() {
    }

    /** The text in Unicode normalization form C, as it is stored: "Siân" typed either way is one string. */
    public static String composed(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** What is wrong with a value, if anything, in a sentence that starts with {@code label}, in English. */
    public static Optional<String> problem(String label, String value, boolean multiLine) {
        return problemText(label, value, multiLine).map(text -> text.resolve(Languages.ENGLISH));
    }

    /** {@link #problem} as words for a page, said in the reader's language when shown. */
    public static Optional<Text> problemText(String label, String value, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        int position = 0;
        int marks = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            position++;
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                return Optional.of(Text.of("system.plain-text.surrogate", label, code(c), position));
            }
            if (nonCharacter(c)) {
                return Optional.of(Text.of("system.plain-text.non-character", label, code(c), position));
            }
            marks = mark(c) ? marks + 1 : 0;
            if (marks > MAX_MARKS) {
                return Optional.of(Text.of("system.plain-text.marks", label, MAX_MARKS, position));
            }
            if (control(c, multiLine)) {
                return Optional.of(Text.of("system.plain-text.control", label, code(c), position));
            }
            if (bidi(c)) {
                return Optional.of(Text.of("system.plain-text.bidi", label, code(c), position));
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
        texts(form).forEach((field, text) -> errors.put(field, text.resolve(Languages.ENGLISH)));
        return errors;
    }

    /** {@link #check} as words for a page, said in the reader's language when shown. */
    public static Map<String, Text> texts(Record form) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (form == null) {
            return errors;
        }
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            boolean multiLine = component.isAnnotationPresent(MultiLine.class);
            String label = label(component.getName());
            Object value = value(form, component);
            if (value instanceof String text) {
                problemText(label, text, multiLine).ifPresent(message -> errors.put(component.getName(), message));
            } else if (value instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof String text && !errors.containsKey(component.getName())) {
                        problemText(label, text, multiLine).ifPresent(message -> errors.put(component.getName(), message));
                    }
                }
            }
        }
        return errors;
    }

    /**
     * A copy of a form or request record with every text field, and every item of a list of text,
     * in NFC; the record itself when nothing changes.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R composed(R form) {
        RecordComponent[] components = form.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            Object value = value(form, components[i]);
            values[i] = composedValue(value);
            types[i] = components[i].getType();
            changed |= !Objects.equals(values[i], value);
        }
        if (!changed) {
            return form;
        }
        try {
            var constructor = form.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + form.getClass().getSimpleName(), e);
        }
    }

    private static Object composedValue(Object value) {
        if (value instanceof String text) {
            return composed(text);
        }
        if (value instanceof List<?> items && items.stream().allMatch(item -> item == null || item instanceof String)) {
            return items.stream().map(item -> composed((String) item)).toList();
        }
        return value;
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

    private static boolean nonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
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
