package org.caseshare.sharing;

/** One line of a record's timeline, as shown on its page. */
public record TimelineEvent(String action, Stamp by, String note) {
}
