package org.caseshare.scim;

/** The organisation admin's form for a new SCIM token: a name and how many days it lasts. */
record ScimTokenForm(String name, String expiresInDays) {

    static ScimTokenForm blank() {
        return new ScimTokenForm("", Integer.toString(ScimTokens.DEFAULT_DAYS));
    }

    /** The days chosen, or -1 if they are not a number. */
    int days() {
        if (expiresInDays == null || expiresInDays.isBlank()) {
            return ScimTokens.DEFAULT_DAYS;
        }
        try {
            return Integer.parseInt(expiresInDays.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
