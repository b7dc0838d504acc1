package org.caseshare.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.sharing.ShareForm;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.Fixtures;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the retention tests build and look for: an organisation with a practitioner and a DPO,
 * register records about a named person, and scans of every table and blob for a trace of them.
 */
final class RetentionScenes {

    private final Fixtures fixtures;
    private final Directory directory;
    private final SharingRegister register;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String dataDir;

    RetentionScenes(Fixtures fixtures, Directory directory, SharingRegister register, DataSource dataSource, JdbcClient jdbc, String dataDir) {
        this.fixtures = fixtures;
        this.directory = directory;
        this.register = register;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.dataDir = dataDir;
    }

    record Council(Organisation organisation, Account practitioner, Account dpo, Actor practitionerActor, Actor dpoActor, DirectoryEntry school) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry school = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                "Oakfield Primary", OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        return new Council(council, practitioner, dpo, actor(practitioner), actor(dpo), school);
    }

    static Actor actor(Account account) {
        return new Actor(account.id(), account.organisationId(), account.displayName(), Role.names(account.roles()));
    }

    /** A person no other test names, so finding the name anywhere means it was left behind. */
    static String person() {
        // Ten random letters, so no test's person's name is a part of another's (the scans search by substring).
        StringBuilder letters = new StringBuilder();
        for (char hex : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append((char) ('a' + Character.digit(hex, 16)));
        }
        return "Quillon Marbury" + letters;
    }

    /** A share by the secure hub about the person, carried out, receipt confirmed and closed. */
    UUID closedShare(Council c, String name, String reference, String information) {
        UUID id = recordDecision(c, name, reference, information, "SHARE");
        var record = register.get(c.organisation().id(), id);
        record = register.completeChecklist(c.practitionerActor(), id, record.version(), null, record.policy().requiredSafeguards(), true);
        record = register.confirmReceipt(c.practitionerActor(), id, record.version());
        record = register.close(c.practitionerActor(), id, record.version());
        assertThat(record.status()).isEqualTo(Status.CLOSED);
        return id;
    }

    /** A decision not to share about the person: declined, so closed, at once. */
    UUID declined(Council c, String name, String reference, String information) {
        UUID id = recordDecision(c, name, reference, information, "DO_NOT_SHARE");
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.DECLINED);
        return id;
    }

    UUID recordDecision(Council c, String name, String reference, String information, String decision) {
        return recordDecision(c, name, reference, information, decision, c.school(), "jo.teacher@oakfield.example.org");
    }

    UUID recordDecision(Council c, String name, String reference, String information, String decision, DirectoryEntry to,
            String email) {
        return recordDecision(c, name, reference, information, decision, to, email, "SECURE_HUB");
    }

    UUID recordDecision(Council c, String name, String reference, String information, String decision, DirectoryEntry to,
            String email, String channel) {
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of(name), List.of("3/4/2014"),
                List.of(reference), information, List.of("PERSONAL"), "OFFICIAL", "ROUTINE", "Transition planning for " + name,
                "The school cannot plan support without it", "PUBLIC_TASK", "", "", "", "yes", "", "", "Parent", "", "Sharing with the school only",
                "", "NONE", "", decision, "Decided about " + name, channel, to.id().toString(), "", "",
                "Jo Teacher", "Head of year", "Year 6", "", email, "", "", "YES", "", "", ""), c.practitionerActor());
        assertThat(created.errors()).isEmpty();
        return created.id();
    }

    boolean exists(Council c, UUID id) {
        try {
            register.get(c.organisation().id(), id);
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    /** Every text column of every table (from the JDBC metadata) that holds the text, as table.column. */
    List<String> textColumnsContaining(String text) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                    if (type.contains("char") || type.contains("text") || type.contains("clob") || type.contains("json")) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("the scan sees the register's columns").anyMatch(col -> col[1].equalsIgnoreCase("name"));
            for (String[] col : columns) {
                String sql = "select count(*) from " + quote + col[0] + quote + " where lower(cast(" + quote + col[1] + quote
                        + " as varchar(1000000))) like ?";
                Integer count = jdbc.sql(sql).param("%" + text.toLowerCase(Locale.ROOT) + "%").query(Integer.class).single();
                if (count > 0) {
                    found.add(col[0] + "." + col[1]);
                }
            }
        }
        return found;
    }

    List<Path> blobFilesContaining(String text) throws Exception {
        Path blobs = Path.of(dataDir, "blobs");
        if (!Files.exists(blobs)) {
            return List.of();
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
