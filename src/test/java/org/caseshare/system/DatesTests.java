package org.caseshare.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.springframework.context.i18n.LocaleContextHolder;

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

    @AfterEach
    void backToEnglish() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aSpanIsItsTwoLargestUnits() {
        assertThat(Dates.span(Duration.ofDays(2).plusHours(3).plusMinutes(4), Languages.ENGLISH)).isEqualTo("2 days 3 hours");
        assertThat(Dates.span(Duration.ofHours(5).plusMinutes(10), Languages.ENGLISH)).isEqualTo("5 hours 10 minutes");
        assertThat(Dates.span(Duration.ofMinutes(12), Languages.ENGLISH)).isEqualTo("12 minutes");
        assertThat(Dates.span(Duration.ofDays(1).plusHours(1), Languages.ENGLISH)).isEqualTo("1 day 1 hour");
        assertThat(Dates.span(Duration.ofMinutes(1), Languages.ENGLISH)).isEqualTo("1 minute");
        assertThat(Dates.span(Duration.ofSeconds(-5), Languages.ENGLISH)).isEqualTo("0 minutes");
    }

    @Test
    void welshDatesUseWelshMonthsAndTheClockGovUkWelshUses() {
        assertThat(Dates.date(LocalDate.of(2026, 12, 7), Languages.WELSH)).isEqualTo("7 Rhagfyr 2026");
        assertThat(Dates.date(LocalDate.of(2027, 1, 1), Languages.WELSH)).isEqualTo("1 Ionawr 2027");
        assertThat(Dates.time(Instant.parse("2026-12-07T14:05:00Z"), Languages.WELSH)).isEqualTo("7 Rhagfyr 2026 am 2:05yh");
        assertThat(Dates.time(Instant.parse("2026-06-07T08:30:00Z"), Languages.WELSH)).isEqualTo("7 Mehefin 2026 am 9:30yb");
        assertThat(Dates.time(Instant.parse("2026-12-07T12:00:00Z"), Languages.WELSH)).isEqualTo("7 Rhagfyr 2026 am ganol dydd");
        assertThat(Dates.time(Instant.parse("2026-12-07T00:00:00Z"), Languages.WELSH)).isEqualTo("7 Rhagfyr 2026 am hanner nos");
        assertThat(Dates.time(null, Languages.WELSH)).isEmpty();
    }

    @Test
    void welshSpansKeepTheNounSingularAfterANumberAndMutateAfterTwo() {
        assertThat(Dates.span(Duration.ofDays(2).plusHours(3), Languages.WELSH)).isEqualTo("2 ddiwrnod 3 awr");
        assertThat(Dates.span(Duration.ofHours(5).plusMinutes(10), Languages.WELSH)).isEqualTo("5 awr 10 munud");
        assertThat(Dates.span(Duration.ofMinutes(12), Languages.WELSH)).isEqualTo("12 munud");
        assertThat(Dates.span(Duration.ofMinutes(2), Languages.WELSH)).isEqualTo("2 funud");
        assertThat(Dates.span(Duration.ofDays(1), Languages.WELSH)).isEqualTo("1 diwrnod");
    }

    @Test
    void theRequestsLanguageChoosesWhenNoneIsGiven() {
        LocaleContextHolder.setLocale(Languages.WELSH);
        assertThat(Dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("7 Rhagfyr 2026");
        assertThat(Dates.span(Duration.ofMinutes(12))).isEqualTo("12 munud");
        LocaleContextHolder.setLocale(Languages.ENGLISH);
        assertThat(Dates.time(Instant.parse("2026-12-07T09:30:00Z"))).isEqualTo("7 December 2026 at 9:30am");
    }
}
