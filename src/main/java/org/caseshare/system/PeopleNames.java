package org.caseshare.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People's names for pages that hold only their account ids, such as the audit trail (whose entries
 * carry identifiers only, so a name changed or erased later is never written into it). Identity
 * implements it; modules it depends on use it without depending on identity back.
 */
public interface PeopleNames {

    /** The names of those of these actor ids (account ids as text) that are accounts of the organisation; others are left out. */
    Map<String, String> names(UUID organisationId, Collection<String> actorIds);

    /** The actor ids of the organisation's accounts whose name contains the text, ignoring case. */
    List<String> actorIdsNamed(UUID organisationId, String text);
}
