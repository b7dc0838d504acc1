package org.caseshare.identity;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.SecretBox;
import org.caseshare.system.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation admin configures their identity provider. Checks every field, refuses a domain
 * that another organisation already claims, seals the client secret and audits what changed (never
 * the secret).
 */
@Service
class SsoSettings {

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern CLAIM = Pattern.compile("^[A-Za-z0-9_:./-]{1,100}$");

    private final SsoProviders providers;
    private final SecretBox secrets;
    private final SsoClientRegistrations registrations;
    private final AuditTrail audit;
    private final Clock clock;

    SsoSettings(SsoProviders providers, SecretBox secrets, SsoClientRegistrations registrations, AuditTrail audit, Clock clock) {
        this.providers = providers;
        this.secrets = secrets;
        this.registrations = registrations;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<SsoProvider> find(UUID organisationId) {
        return providers.find(organisationId);
    }

    /** The sealed secret's context binds it to one organisation: copied to another row, it will not open. */
    static String secretContext(UUID organisationId) {
        return "sso-client-secret:" + organisationId;
    }

    @Transactional
    SsoProvider configure(UUID organisationId, SsoSettingsForm form, UUID actor) {
        Optional<SsoProvider> before = providers.find(organisationId);
        Map<String, Text> errors = new LinkedHashMap<>();
        String issuer = issuer(form.issuer(), errors);
        String clientId = text(form.clientId());
        if (clientId.isEmpty()) {
            errors.put("clientId", Text.of("identity.error.sso.client-id"));
        } else if (clientId.length() > 255) {
            errors.put("clientId", Text.of("identity.error.sso.client-id-long"));
        }
        String secret = form.clientSecret() == null ? "" : form.clientSecret();
        if (secret.isBlank() && before.isEmpty()) {
            errors.put("clientSecret", Text.of("identity.error.sso.client-secret"));
        } else if (secret.length() > 1000) {
            errors.put("clientSecret", Text.of("identity.error.sso.client-secret-long"));
        }
        List<String> domains = domains(organisationId, form.domains(), errors);
        String roleClaim = text(form.roleClaim()).isEmpty() ? "groups" : text(form.roleClaim());
        if (!CLAIM.matcher(roleClaim).matches()) {
            errors.put("roleClaim", Text.of("identity.error.sso.role-claim"));
        }
        Map<String, Role> mappings = mappings(form.roleMappings(), errors);
        Role defaultRole = null;
        try {
            defaultRole = Role.parse(form.defaultRole());
        } catch (IllegalArgumentException e) {
            errors.put("defaultRole", Text.of("identity.error.sso.default-role"));
        }
        Set<String> acr = new LinkedHashSet<>(Arrays.stream(text(form.mfaAcrValues()).split("\\s+")).filter(s -> !s.isEmpty()).toList());
        if (String.join(" ", acr).length() > 1000) {
            errors.put("mfaAcrValues", Text.of("identity.error.sso.acr-long"));
        }
        if (!errors.isEmpty()) {
            throw new SsoSettingsInvalidException(errors);
        }
        SsoProvider provider = new SsoProvider(organisationId, issuer, clientId, roleClaim, mappings, defaultRole, acr,
                form.ownSecondFactorRequired(), domains);
        String sealed = secret.isBlank() ? providers.sealedSecret(organisationId).orElseThrow()
                : secrets.seal(secret, secretContext(organisationId));
        providers.save(provider, sealed, clock.instant());
        registrations.forget(organisationId);
        audit.record(AuditEvent.success("sso.configured", actor.toString(), organisationId, "organisation:" + organisationId)
                .with("changed", changed(before.orElse(null), provider, !secret.isBlank()))
                .with("domains", String.join(",", domains)));
        return provider;
    }

    private static String changed(SsoProvider before, SsoProvider after, boolean newSecret) {
        if (before == null) {
            return "created";
        }
        List<String> changed = new ArrayList<>();
        if (!before.issuer().equals(after.issuer())) changed.add("issuer");
        if (!before.clientId().equals(after.clientId())) changed.add("clientId");
        if (newSecret) changed.add("clientSecret");
        if (!before.domains().equals(after.domains())) changed.add("domains");
        if (!before.roleClaim().equals(after.roleClaim())) changed.add("roleClaim");
        if (!before.roleMappings().equals(after.roleMappings())) changed.add("roleMappings");
        if (before.defaultRole() != after.defaultRole()) changed.add("defaultRole");
        if (!before.mfaAcrValues().equals(after.mfaAcrValues())) changed.add("mfaAcrValues");
        if (before.requireOwnSecondFactor() != after.requireOwnSecondFactor()) changed.add("requireOwnSecondFactor");
        return changed.isEmpty() ? "nothing" : String.join(",", changed);
    }

    private static String issuer(String value, Map<String, Text> errors) {
        String issuer = text(value);
        if (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        try {
            URI uri = URI.create(issuer);
            boolean loopback = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            // Only https, except on this machine's loopback (a provider run for tests or a trial).
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || loopback) || uri.getQuery() != null
                    || uri.getFragment() != null || issuer.length() > 500) {
                errors.put("issuer", Text.of("identity.error.sso.issuer"));
            }
        } catch (IllegalArgumentException e) {
            errors.put("issuer", Text.of("identity.error.sso.issuer"));
        }
        return issuer;
    }

    private List<String> domains(UUID organisationId, String value, Map<String, Text> errors) {
        List<String> domains = new ArrayList<>();
        for (String part : text(value).toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
            String domain = part.startsWith("@") ? part.substring(1) : part;
            if (domain.isEmpty() || domains.contains(domain)) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                errors.put("domains", Text.of("identity.error.sso.domain", domain));
                return domains;
            }
            Optional<UUID> owner = providers.domainOwner(domain);
            if (owner.isPresent() && !owner.get().equals(organisationId)) {
                errors.put("domains", Text.of("identity.error.sso.domain-claimed", domain));
                return domains;
            }
            domains.add(domain);
        }
        if (domains.isEmpty()) {
            errors.put("domains", Text.of("identity.error.sso.domains"));
        } else if (domains.size() > 50) {
            errors.put("domains", Text.of("identity.error.sso.domains-many"));
        }
        return domains;
    }

    private static Map<String, Role> mappings(String value, Map<String, Text> errors) {
        Map<String, Role> mappings = new LinkedHashMap<>();
        String[] lines = text(value).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            String claimValue = equals < 0 ? "" : line.substring(0, equals).strip();
            if (claimValue.isEmpty() || claimValue.contains("\t") || claimValue.length() > 200) {
                errors.put("roleMappings", Text.of("identity.error.sso.mapping", Integer.toString(i + 1)));
                return mappings;
            }
            try {
                mappings.put(claimValue, Role.parse(line.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                errors.put("roleMappings", Text.of("identity.error.sso.mapping-role", Integer.toString(i + 1), line.substring(equals + 1)));
                return mappings;
            }
        }
        return mappings;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
