package org.caseshare.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 72-hour clock's wording at the edges: running, overdue, reported in time or late, not reported. */
class IcoClockTests {

    static final Instant DISCOVERED = Instant.parse("2026-11-02T09:30:00Z");

    static Incident incident(Incident.Decision decision) {
        return new Incident(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "R", DISCOVERED, "w", DISCOVERED, 1, 1, "c", "a",
                null, null, null, decision, 0);
    }

    static Incident.Decision reported(LocalDate on) {
        return new Incident.Decision(UUID.randomUUID(), "D", DISCOVERED, true, "r", on, null, null, false, "p", null);
    }

    @Test
    void runsFromDiscoveryForSeventyTwoHours() {
        IcoClock clock = IcoClock.of(incident(null), DISCOVERED.plus(Duration.ofHours(2)));
        assertThat(clock.running()).isTrue();
        assertThat(clock.overdue()).isFalse();
        assertThat(clock.text()).isEqualTo("2 days 22 hours left to decide whether to report to the ICO");
        assertThat(clock.deadline()).isEqualTo("5 November 2026 at 9:30am");
        assertThat(IcoClock.of(incident(null), DISCOVERED.plus(Duration.ofHours(71).plusMinutes(59))).text())
                .startsWith("1 minute left");
    }

    @Test
    void isOverdueOnceSeventyTwoHoursHavePassedUndecided() {
        IcoClock clock = IcoClock.of(incident(null), DISCOVERED.plus(Duration.ofHours(75).plusMinutes(5)));
        assertThat(clock.overdue()).isTrue();
        assertThat(clock.text()).startsWith("Overdue by 3 hours 5 minutes");
    }

    @Test
    void stopsWhenDecidedAndSaysWhetherTheReportWasLate() {
        assertThat(IcoClock.of(incident(reported(LocalDate.of(2026, 11, 4))), DISCOVERED.plus(Duration.ofDays(30))))
                .satisfies(c -> {
                    assertThat(c.running()).isFalse();
                    assertThat(c.overdue()).isFalse();
                    assertThat(c.text()).isEqualTo("Reported to the ICO on 4 November 2026, within 72 hours");
                });
        assertThat(IcoClock.of(incident(reported(LocalDate.of(2026, 11, 6))), DISCOVERED).text()).contains("after the 72-hour deadline");
        Incident.Decision notReported = new Incident.Decision(UUID.randomUUID(), "D", DISCOVERED, false, "r", null, null, null, false, "p", null);
        assertThat(IcoClock.of(incident(notReported), DISCOVERED.plus(Duration.ofDays(9))).text()).startsWith("Decided not to report");
    }
}
