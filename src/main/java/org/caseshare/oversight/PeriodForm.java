package org.caseshare.oversight;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period chosen on the page with GOV.UK date inputs (day, month, year for each end), or given as
 * ISO dates ({@code from}, {@code to}) by a download link or the API. Blank means the last 30 days.
 */
record PeriodForm(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth, String toYear, String from, String to) {

    /** The period, or the errors to show beside the fields (keyed by the field to link to). */
    record Result(Period period, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static PeriodForm iso(String from, String to) {
        return new PeriodForm(null, null, null, null, null, null, from, to);
    }

    Result read(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, fromDay, fromMonth, fromYear, "start", errors);
        LocalDate end = date("to", to, toDay, toMonth, toYear, "end", errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        if (start == null && end == null) {
            return new Result(Period.lastThirtyDays(today), errors);
        }
        if (start == null) {
            errors.put("from", "Enter the start of the period");
        } else if (end == null) {
            errors.put("to", "Enter the end of the period");
        } else if (end.isBefore(start)) {
            errors.put("to", "The end of the period must be the same as or after the start");
        } else if (new Period(start, end).days() > Period.LONGEST_DAYS) {
            errors.put("to", "The period must be 3 years or shorter");
        } else if (end.isAfter(today.plusYears(1))) {
            errors.put("to", "The end of the period must be within a year from today");
        }
        return errors.isEmpty() ? new Result(new Period(start, end), errors) : new Result(null, errors);
    }

    private static LocalDate date(String field, String iso, String day, String month, String year, String which, Map<String, String> errors) {
        if (iso != null && !iso.isBlank()) {
            try {
                return LocalDate.parse(iso.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, "The " + which + " of the period must be a date like 2026-03-31");
                return null;
            }
        }
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            errors.put(field, "The " + which + " of the period must include a day, month and year");
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1900 || y > 9999) {
                errors.put(field, "The year of the " + which + " of the period must be 4 digits, like 2026");
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put(field, "The " + which + " of the period must be a real date");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
