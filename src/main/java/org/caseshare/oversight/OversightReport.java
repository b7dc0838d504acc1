package org.caseshare.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures of one organisation for one period beside the period before: what the page, the CSV,
 * the workbook and the API all show. Counts and names of organisations and categories only, never a person.
 */
public record OversightReport(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Instant generatedAt,
        List<Table> tables, List<Month> trend) {

    /** One table of figures; {@code compared} when its rows have a previous period's figure. */
    public record Table(String id, String title, boolean compared, List<Figure> figures) {

        /** The table's total, of the period and of the one before. */
        public long total() {
            return figures.stream().mapToLong(Figure::current).sum();
        }

        public long previousTotal() {
            return figures.stream().mapToLong(f -> f.previous() == null ? 0 : f.previous()).sum();
        }
    }

    /**
     * One figure: what it counts, its value in the period (or now), in the period before (null when not
     * compared), a note (such as the oldest one's age) and a link to the search that produced it.
     */
    public record Figure(String label, long current, Long previous, String note, String link) {
    }

    /** Records made in one month. */
    public record Month(YearMonth month, long records) {
    }
}
