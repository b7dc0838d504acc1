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

    /**
     * One table of figures; {@code compared} when its rows have a previous period's figure; a note
     * (null when none) such as how many of its records were deleted under the retention schedule.
     */
    public record Table(String id, String title, boolean compared, List<Figure> figures, String note) {

        public Table(String id, String title, boolean compared, List<Figure> figures) {
            this(id, title, compared, figures, null);
        }

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
     * compared), a note (such as the oldest one's age) and a link to the search that produced it. Of
     * {@code current} and {@code previous}, {@code deleted} and {@code previousDeleted} were records
     * deleted under the retention schedule, counted from their tombstones: the link shows only the rest.
     */
    public record Figure(String label, long current, Long previous, String note, String link, long deleted, long previousDeleted) {

        public Figure(String label, long current, Long previous, String note, String link) {
            this(label, current, previous, note, link, 0, 0);
        }
    }

    /** Records made in one month, of which {@code deleted} were since deleted under the retention schedule. */
    public record Month(YearMonth month, long records, long deleted) {

        public Month(YearMonth month, long records) {
            this(month, records, 0);
        }
    }
}
