package org.caseshare.identity;

/**
 * What an organisation admin types to configure single sign-on (the page and the API alike). The
 * client secret may be left blank on a later change to keep the one stored.
 *
 * @param domains      email domains the organisation owns, separated by spaces, commas or lines
 * @param roleMappings one mapping a line: {@code claim value = role}
 * @param mfaAcrValues {@code acr} values that count as multi-factor, separated by spaces
 */
record SsoSettingsForm(String issuer, String clientId, String clientSecret, String domains, String roleClaim,
        String roleMappings, String defaultRole, String mfaAcrValues, Boolean requireOwnSecondFactor) {

    /** An unticked box sends nothing. */
    boolean ownSecondFactorRequired() {
        return Boolean.TRUE.equals(requireOwnSecondFactor);
    }

    static SsoSettingsForm of(SsoProvider provider) {
        StringBuilder mappings = new StringBuilder();
        provider.roleMappings().forEach((value, role) -> mappings.append(value).append(" = ").append(role.name()).append('\n'));
        return new SsoSettingsForm(provider.issuer(), provider.clientId(), "", String.join("\n", provider.domains()),
                provider.roleClaim(), mappings.toString().strip(), provider.defaultRole().name(),
                String.join(" ", provider.mfaAcrValues()), provider.requireOwnSecondFactor());
    }

    static SsoSettingsForm empty() {
        return new SsoSettingsForm("", "", "", "", "groups", "", Role.PRACTITIONER.name(), "", false);
    }
}
