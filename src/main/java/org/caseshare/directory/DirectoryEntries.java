package org.caseshare.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory_entry and contact_point tables. Every query names the tenant, so one tenant's
 * entries can never be read or changed through another's.
 */
@Repository
class DirectoryEntries {

    private final JdbcClient jdbc;

    DirectoryEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    boolean nameTaken(UUID tenantId, String name, UUID except) {
        return jdbc.sql("select count(*) from directory_entry where tenant_id = ? and name_key = ? and id <> ?")
                .params(tenantId, nameKey(name), except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    void insert(DirectoryEntry entry, UUID actor) {
        jdbc.sql("insert into directory_entry (id, tenant_id, name, name_key, kind, language, created_at, created_by, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), entry.tenantId(), entry.name(), nameKey(entry.name()), entry.kind().name(), entry.language().code(),
                        Timestamp.from(entry.createdAt()), actor, Timestamp.from(entry.createdAt()))
                .update();
    }

    void update(UUID tenantId, UUID entryId, String name, OrganisationKind kind, OrganisationLanguage language, Instant at) {
        jdbc.sql("update directory_entry set name = ?, name_key = ?, kind = ?, language = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(name, nameKey(name), kind.name(), language.code(), Timestamp.from(at), tenantId, entryId).update();
    }

    Optional<DirectoryEntry> find(UUID tenantId, UUID entryId) {
        List<DirectoryEntry> found = entries("select * from directory_entry where tenant_id = ? and id = ?", tenantId, entryId);
        return found.stream().findFirst();
    }

    /** The tenant's entry of this name (any case). */
    Optional<DirectoryEntry> named(UUID tenantId, String name) {
        return entries("select * from directory_entry where tenant_id = ? and name_key = ?", tenantId, nameKey(name)).stream().findFirst();
    }

    /** Entries whose name contains the text (any case), by name; all of them for blank text. */
    List<DirectoryEntry> search(UUID tenantId, String text) {
        if (text == null || text.isBlank()) {
            return entries("select * from directory_entry where tenant_id = ? order by name_key", tenantId);
        }
        String pattern = "%" + nameKey(text).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return entries("select * from directory_entry where tenant_id = ? and name_key like ? escape '!' order by name_key",
                tenantId, pattern);
    }

    /** Live email-domain contact points of the tenant with their entries' names and kinds. */
    List<DomainListing> emailDomains(UUID tenantId) {
        return jdbc.sql("select c.*, e.name as entry_name, e.kind as entry_kind from contact_point c"
                        + " join directory_entry e on e.id = c.entry_id"
                        + " where c.tenant_id = ? and c.kind = ? and c.removed_at is null")
                .params(tenantId, ContactPointKind.EMAIL_DOMAIN.name())
                .query((rs, row) -> new DomainListing(contactPoint(rs), rs.getString("entry_name"),
                        OrganisationKind.valueOf(rs.getString("entry_kind"))))
                .list();
    }

    record DomainListing(ContactPoint point, String entryName, OrganisationKind entryKind) {
    }

    void insert(UUID tenantId, ContactPoint point, UUID actor) {
        Columns c = Columns.of(point.details());
        jdbc.sql("insert into contact_point (id, entry_id, tenant_id, kind, label, telephone, email_domain, secure, department,"
                        + " address_line1, address_line2, town, postcode, contact_name, job_title, email, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(point.id(), point.entryId(), tenantId, point.kind().name(), c.label, c.telephone, c.domain, c.secure,
                        c.department, c.line1, c.line2, c.town, c.postcode, c.name, c.jobTitle, c.email,
                        Timestamp.from(point.createdAt()), actor)
                .update();
    }

    /** Replaces the details; verification is kept only when asked (the value did not change). */
    void replace(UUID tenantId, UUID pointId, ContactDetails details, boolean keepVerification) {
        Columns c = Columns.of(details);
        jdbc.sql("update contact_point set label = ?, telephone = ?, email_domain = ?, secure = ?, department = ?,"
                        + " address_line1 = ?, address_line2 = ?, town = ?, postcode = ?, contact_name = ?, job_title = ?, email = ?"
                        + (keepVerification ? "" : ", verified_at = null, verified_by = null, verified_by_name = null")
                        + " where tenant_id = ? and id = ? and removed_at is null")
                .params(c.label, c.telephone, c.domain, c.secure, c.department, c.line1, c.line2, c.town, c.postcode, c.name,
                        c.jobTitle, c.email, tenantId, pointId)
                .update();
    }

    void verify(UUID tenantId, UUID pointId, Verification verification) {
        jdbc.sql("update contact_point set verified_at = ?, verified_by = ?, verified_by_name = ? where tenant_id = ? and id = ? and removed_at is null")
                .params(Timestamp.from(verification.verifiedAt()), verification.verifiedBy(), verification.verifiedByName(), tenantId, pointId)
                .update();
    }

    void remove(UUID tenantId, UUID pointId, UUID actor, Instant at) {
        jdbc.sql("update contact_point set removed_at = ?, removed_by = ? where tenant_id = ? and id = ? and removed_at is null")
                .params(Timestamp.from(at), actor, tenantId, pointId).update();
    }

    private List<DirectoryEntry> entries(String sql, Object... params) {
        Map<UUID, EntryRow> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, row) -> new EntryRow(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
                        OrganisationLanguage.fromCode(rs.getString("language")).orElse(OrganisationLanguage.ENGLISH),
                        rs.getTimestamp("created_at").toInstant()))
                .list().forEach(row -> rows.put(row.id, row));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ContactPoint>> points = contactPoints((UUID) params[0], rows.keySet());
        List<DirectoryEntry> entries = new ArrayList<>();
        for (EntryRow row : rows.values()) {
            entries.add(new DirectoryEntry(row.id, row.tenantId, row.name, row.kind, row.language, row.createdAt, points.getOrDefault(row.id, List.of())));
        }
        return entries;
    }

    private Map<UUID, List<ContactPoint>> contactPoints(UUID tenantId, Collection<UUID> entryIds) {
        Map<UUID, List<ContactPoint>> byEntry = new LinkedHashMap<>();
        String marks = String.join(", ", entryIds.stream().map(id -> "?").toList());
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        params.addAll(entryIds);
        jdbc.sql("select * from contact_point where tenant_id = ? and removed_at is null and entry_id in (" + marks + ")"
                        + " order by created_at, id")
                .params(params).query((rs, row) -> contactPoint(rs)).list()
                .forEach(point -> byEntry.computeIfAbsent(point.entryId(), id -> new ArrayList<>()).add(point));
        return byEntry;
    }

    private record EntryRow(UUID id, UUID tenantId, String name, OrganisationKind kind, OrganisationLanguage language, Instant createdAt) {
    }

    private static ContactPoint contactPoint(ResultSet rs) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        Verification verification = verifiedAt == null ? null
                : new Verification(rs.getObject("verified_by", UUID.class), rs.getString("verified_by_name"), verifiedAt.toInstant());
        return new ContactPoint(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class), details(rs), verification,
                rs.getTimestamp("created_at").toInstant());
    }

    private static ContactDetails details(ResultSet rs) throws SQLException {
        ContactPointKind kind = ContactPointKind.valueOf(rs.getString("kind"));
        String telephone = rs.getString("telephone");
        TelephoneNumber number = telephone == null ? null : new TelephoneNumber(telephone);
        return switch (kind) {
            case SWITCHBOARD -> new Switchboard(number, rs.getString("label"));
            case FAX -> new FaxNumber(number, rs.getString("label"));
            case EMAIL_DOMAIN -> new SecureEmailDomain(new EmailDomain(rs.getString("email_domain")), rs.getBoolean("secure"));
            case ADDRESS -> new PostalAddress(rs.getString("department"), rs.getString("address_line1"), rs.getString("address_line2"),
                    rs.getString("town"), new Postcode(rs.getString("postcode")));
            case CONTACT -> new NamedContact(rs.getString("contact_name"), rs.getString("job_title"), rs.getString("department"),
                    number, rs.getString("email") == null ? null : EmailAddress.parse(rs.getString("email")));
        };
    }

    /** The columns one kind of details fills; the rest stay null. */
    private static final class Columns {
        String label;
        String telephone;
        String domain;
        Boolean secure;
        String department;
        String line1;
        String line2;
        String town;
        String postcode;
        String name;
        String jobTitle;
        String email;

        static Columns of(ContactDetails details) {
            Columns c = new Columns();
            if (details instanceof Switchboard s) {
                c.label = s.label();
                c.telephone = s.number().digits();
            } else if (details instanceof FaxNumber f) {
                c.label = f.label();
                c.telephone = f.number().digits();
            } else if (details instanceof SecureEmailDomain d) {
                c.domain = d.domain().value();
                c.secure = d.secure();
            } else if (details instanceof PostalAddress a) {
                c.department = a.department();
                c.line1 = a.line1();
                c.line2 = a.line2();
                c.town = a.town();
                c.postcode = a.postcode().value();
            } else if (details instanceof NamedContact n) {
                c.name = n.name();
                c.jobTitle = n.jobTitle();
                c.department = n.department();
                c.telephone = n.telephone() == null ? null : n.telephone().digits();
                c.email = n.email() == null ? null : n.email().value();
            }
            return c;
        }
    }
}
