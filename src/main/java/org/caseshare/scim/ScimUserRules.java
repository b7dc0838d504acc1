package org.caseshare.scim;

import org.caseshare.system.PlainText;

/** What a User sent to us must be: a userName, and short plain-text attributes without control characters. */
final class ScimUserRules {

    private ScimUserRules() {
    }

    /** The draft a POST or PUT body describes; {@code active} takes the default when the body leaves it out. */
    static UserDraft draftOf(ScimUser body, boolean defaultActive) {
        if (body == null) {
            throw ScimException.invalidSyntax("The request body must be a SCIM User.");
        }
        UserDraft draft = new UserDraft();
        draft.userName = body.userName();
        draft.externalId = body.externalId();
        draft.displayName = body.displayName();
        if (body.name() != null) {
            draft.givenName = body.name().givenName();
            draft.familyName = body.name().familyName();
            draft.formatted = body.name().formatted();
        }
        draft.workEmail = body.workEmail();
        draft.active = body.active() == null ? defaultActive : body.active();
        check(draft);
        return draft;
    }

    static void check(UserDraft draft) {
        if (draft.userName == null || draft.userName.isBlank()) {
            throw ScimException.invalidValue("userName is required.");
        }
        limit("userName", draft.userName, 320);
        limit("externalId", draft.externalId, 200);
        limit("name.givenName", draft.givenName, 200);
        limit("name.familyName", draft.familyName, 200);
        limit("name.formatted", draft.formatted, 200);
        limit("displayName", draft.displayName, 200);
        limit("emails", draft.workEmail, 320);
    }

    private static void limit(String attribute, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw ScimException.invalidValue(attribute + " must be " + max + " characters or fewer.");
        }
        PlainText.problem(attribute, value, false).ifPresent(problem -> {
            throw ScimException.invalidValue(problem);
        });
    }
}
