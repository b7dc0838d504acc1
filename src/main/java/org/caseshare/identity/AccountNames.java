package org.caseshare.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.caseshare.system.PeopleNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts' display names by id, within one organisation only, for the audit viewer. */
@Component
class AccountNames implements PeopleNames {

    private final JdbcClient jdbc;

    AccountNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> names(UUID organisationId, Collection<String> actorIds) {
        List<UUID> ids = actorIds.stream().distinct().map(AccountNames::uuid).filter(java.util.Objects::nonNull).toList();
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<Object> params = new java.util.ArrayList<>();
        params.add(organisationId);
        params.addAll(ids);
        jdbc.sql("select id, display_name from account where organisation_id = ? and id in ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
                .params(params).query((rs, n) -> names.put(rs.getObject("id", UUID.class).toString(), rs.getString("display_name"))).list();
        return names;
    }

    @Override
    public List<String> actorIdsNamed(UUID organisationId, String text) {
        String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.sql("select id from account where organisation_id = ? and lower(display_name) like ? escape '!' order by id limit 200")
                .params(organisationId, like).query(UUID.class).list().stream().map(UUID::toString).toList();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
