package org.caseshare.oversight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days the figures cover, both included; records are counted by the day they were made (UTC), as the register filters them. */
record Period(LocalDate from, LocalDate to) {

    /** Longer than this is not an oversight period but a history: the register's export serves that. */
    static final int LONGEST_DAYS = 366 * 3;

    Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the period must be on or after its start");
        }
    }

    /** The last 30 days, today included. */
    static Period lastThirtyDays(LocalDate today) {
        return new Period(today.minusDays(29), today);
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one: what the figures are compared with. */
    Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }
}
