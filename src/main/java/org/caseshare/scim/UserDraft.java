package org.caseshare.scim;

import java.util.Objects;

/**
 * The attributes of a member that SCIM may change, as they will be after a PUT or PATCH. Compared
 * with how they were to find what changed (and to audit only the names of the changed fields).
 */
final class UserDraft {

    String userName;
    String externalId;
    String givenName;
    String familyName;
    String formatted;
    String displayName;
    String workEmail;
    boolean active;

    UserDraft copy() {
        UserDraft copy = new UserDraft();
        copy.userName = userName;
        copy.externalId = externalId;
        copy.givenName = givenName;
        copy.familyName = familyName;
        copy.formatted = formatted;
        copy.displayName = displayName;
        copy.workEmail = workEmail;
        copy.active = active;
        return copy;
    }

    /** The name shown in Caseshare: displayName, else the formatted name, else given and family names. */
    String shownName() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.strip();
        }
        if (formatted != null && !formatted.isBlank()) {
            return formatted.strip();
        }
        String joined = ((givenName == null ? "" : givenName.strip()) + " " + (familyName == null ? "" : familyName.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    boolean sameNamesAs(UserDraft other) {
        return Objects.equals(givenName, other.givenName) && Objects.equals(familyName, other.familyName)
                && Objects.equals(formatted, other.formatted) && Objects.equals(displayName, other.displayName);
    }
}
