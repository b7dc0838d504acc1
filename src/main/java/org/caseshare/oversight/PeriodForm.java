package org.caseshare.oversight;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * The period chosen on the page with GOV.UK date inputs (day, month, year for each end), or given as
 * ISO dates ({@code from}, {@code to}) by a download link or the API. Blank means the last 30 days.
 */
record PeriodForm(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth, String toYear, String from, String to) {

    /**
     * The period, or the errors to show beside the fields (keyed by the field to link to), as
     * catalogue messages ({@link #problems}) or in English for the API and downloads ({@link #errors}).
     */
    record Result(Period period, Map<String, Text> problems) {
        boolean valid() {
            return problems.isEmpty();
        }

        Map<String, String> errors() {
            Map<String, String> english = new LinkedHashMap<>();
            problems.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
            return english;
        }
    }

    static PeriodForm iso(String from, String to) {
        return new PeriodForm(null, null, null, null, null, null, from, to);
    }

    Result read(LocalDate today) {
        Map<String, Text> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, fromDay, fromMonth, fromYear, "start", errors);
        LocalDate end = date("to", to, toDay, toMonth, toYear, "end", errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        if (start == null && end == null) {
            return new Result(Period.lastThirtyDays(today), errors);
        }
        if (start == null) {
            errors.put("from", Text.of("oversight.error.from"));
        } else if (end == null) {
            errors.put("to", Text.of("oversight.error.to"));
        } else if (end.isBefore(start)) {
            errors.put("to", Text.of("oversight.error.end-before-start"));
        } else if (new Period(start, end).days() > Period.LONGEST_DAYS) {
            errors.put("to", Text.of("oversight.error.too-long"));
        } else if (end.isAfter(today.plusYears(1))) {
            errors.put("to", Text.of("oversight.error.too-far"));
        }
        return errors.isEmpty() ? new Result(new Period(start, end), errors) : new Result(null, errors);
    }

    private static LocalDate date(String field, String iso, String day, String month, String year, String which, Map<String, Text> errors) {
        if (iso != null && !iso.isBlank()) {
            try {
                return LocalDate.parse(iso.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, Text.of("oversight.error." + which + ".iso"));
                return null;
            }
        }
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            errors.put(field, Text.of("oversight.error." + which + ".incomplete"));
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1900 || y > 9999) {
                errors.put(field, Text.of("oversight.error." + which + ".year"));
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put(field, Text.of("oversight.error." + which + ".real"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
