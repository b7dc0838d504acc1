package org.caseshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sso_provider, sso_domain and sso_link tables. Every query names the organisation. */
@Repository
class SsoProviders {

    private final JdbcClient jdbc;

    SsoProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SsoProvider> find(UUID organisationId) {
        return jdbc.sql("""
                select organisation_id, issuer, client_id, role_claim, role_mappings, default_role, mfa_acr_values,
                       require_own_second_factor from sso_provider where organisation_id = ?""")
                .param(organisationId).query(this::map).optional();
    }

    Optional<String> sealedSecret(UUID organisationId) {
        return jdbc.sql("select client_secret_sealed from sso_provider where organisation_id = ?").param(organisationId)
                .query(String.class).optional();
    }

    /** The organisation whose provider owns this email domain, if any. */
    Optional<UUID> domainOwner(String domain) {
        return jdbc.sql("select organisation_id from sso_domain where domain = ?").param(domain).query(UUID.class).optional();
    }

    void save(SsoProvider provider, String sealedSecret, Instant now) {
        boolean exists = find(provider.organisationId()).isPresent();
        String mappings = provider.roleMappings().entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue().name())
                .collect(Collectors.joining("\n"));
        String acr = String.join(" ", provider.mfaAcrValues());
        if (exists) {
            jdbc.sql("""
                    update sso_provider set issuer = ?, client_id = ?, client_secret_sealed = ?, role_claim = ?, role_mappings = ?,
                           default_role = ?, mfa_acr_values = ?, require_own_second_factor = ?, updated_at = ?, version = version + 1
                    where organisation_id = ?""")
                    .params(provider.issuer(), provider.clientId(), sealedSecret, provider.roleClaim(), mappings,
                            provider.defaultRole().name(), acr, provider.requireOwnSecondFactor(), Timestamp.from(now), provider.organisationId())
                    .update();
        } else {
            jdbc.sql("""
                    insert into sso_provider (organisation_id, issuer, client_id, client_secret_sealed, role_claim, role_mappings,
                           default_role, mfa_acr_values, require_own_second_factor, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(provider.organisationId(), provider.issuer(), provider.clientId(), sealedSecret, provider.roleClaim(), mappings,
                            provider.defaultRole().name(), acr, provider.requireOwnSecondFactor(), Timestamp.from(now))
                    .update();
        }
        jdbc.sql("delete from sso_domain where organisation_id = ?").param(provider.organisationId()).update();
        for (String domain : provider.domains()) {
            jdbc.sql("insert into sso_domain (domain, organisation_id) values (?, ?)").params(domain, provider.organisationId()).update();
        }
    }

    Optional<UUID> linkedAccount(UUID organisationId, String issuer, String subject) {
        return jdbc.sql("select account_id from sso_link where organisation_id = ? and issuer = ? and subject = ?")
                .params(organisationId, issuer, subject).query(UUID.class).optional();
    }

    void link(UUID organisationId, String issuer, String subject, UUID accountId, Instant now) {
        jdbc.sql("insert into sso_link (organisation_id, issuer, subject, account_id, created_at) values (?, ?, ?, ?, ?)")
                .params(organisationId, issuer, subject, accountId, Timestamp.from(now)).update();
    }

    private SsoProvider map(ResultSet rs, int row) throws SQLException {
        UUID organisationId = rs.getObject("organisation_id", UUID.class);
        Map<String, Role> mappings = new LinkedHashMap<>();
        for (String line : rs.getString("role_mappings").split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                mappings.put(line.substring(0, tab), Role.valueOf(line.substring(tab + 1)));
            }
        }
        Set<String> acr = Arrays.stream(rs.getString("mfa_acr_values").split(" ")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> domains = jdbc.sql("select domain from sso_domain where organisation_id = ? order by domain")
                .param(organisationId).query(String.class).list();
        return new SsoProvider(organisationId, rs.getString("issuer"), rs.getString("client_id"), rs.getString("role_claim"),
                mappings, Role.valueOf(rs.getString("default_role")), acr, rs.getBoolean("require_own_second_factor"), domains);
    }
}
