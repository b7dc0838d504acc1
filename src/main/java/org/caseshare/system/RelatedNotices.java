package org.caseshare.system;

import java.util.List;
import java.util.UUID;

/**
 * Something another module has to say on a page it does not own: an incident reported on a sharing
 * record, a custody item or a device shows there with its 72-hour clock. The page's module asks every
 * implementation without depending on the module that answers (the incident module depends on
 * sharing and custody, so they cannot depend on it).
 */
public interface RelatedNotices {

    /** What a notice is about. */
    enum Subject {
        SHARING_RECORD, CUSTODY_ITEM, DEVICE
    }

    /** One line for the page: its text, a link to follow, and whether it needs attention now. */
    record Notice(String text, String href, boolean urgent) {
    }

    /** Notices the caller may see about one thing of the caller's own organisation. */
    List<Notice> about(Actor caller, Subject subject, UUID id);

    /** Every implementation's notices, in order; none when no module answers. */
    static List<Notice> collect(List<RelatedNotices> sources, Actor caller, Subject subject, UUID id) {
        return sources.stream().flatMap(source -> source.about(caller, subject, id).stream()).toList();
    }
}
