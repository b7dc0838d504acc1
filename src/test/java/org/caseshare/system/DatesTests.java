package org.caseshare.system;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One GOV.UK style for every date and time on every page, in UK local time whatever the server's zone. */
class DatesTests {

    @Test
    void aDateIsDayMonthInWordsAndYear() {
        assertThat(Dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("7 December 2026");
        assertThat(Dates.date(Instant.parse("2026-12-07T23:30:00Z"))).isEqualTo("7 December 2026");
    }

    @Test
    void aTimeIsTwelveHourWithLowerCaseAmPmInUkTime() {
        // 13:05 UTC in June is 2:05pm British Summer Time
        assertThat(Dates.time(Instant.parse("2026-06-07T13:05:00Z"))).isEqualTo("7 June 2026 at 2:05pm");
        assertThat(Dates.time(Instant.parse("2026-12-07T09:30:00Z"))).isEqualTo("7 December 2026 at 9:30am");
    }

    @Test
    void noonAndMidnightAreSaidInWords() {
        assertThat(Dates.time(Instant.parse("2026-12-07T12:00:00Z"))).isEqualTo("7 December 2026 at midday");
        assertThat(Dates.time(Instant.parse("2026-12-07T00:00:00Z"))).isEqualTo("7 December 2026 at midnight");
    }

    @Test
    void nothingIsAnEmptyString() {
        assertThat(Dates.date(null)).isEmpty();
        assertThat(Dates.time(null)).isEmpty();
    }
}
