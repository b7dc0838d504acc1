package org.caseshare.system;

import java.util.Objects;

/**
 * One line of the home page's work queue: what is waiting, a link to the page where it is done, and
 * a short detail (its age, its deadline).
 *
 * @param group   the heading it is listed under, e.g. "Waiting for your authorisation"
 * @param text    the link text
 * @param href    the page where the work is done
 * @param detail  age, deadline or count; may be empty
 * @param urgent  overdue or nearly so: the page marks it
 */
public record WorkItem(String group, String text, String href, String detail, boolean urgent) {

    public WorkItem {
        Objects.requireNonNull(group);
        Objects.requireNonNull(text);
        Objects.requireNonNull(href);
        detail = detail == null ? "" : detail;
    }
}
