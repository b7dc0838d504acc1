package org.caseshare.oversight;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.sharing.RegisterTotals;
import org.caseshare.sharing.ShareForm;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.system.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The oversight tests' records: organisations with directory entries, shares recorded through the register, then moved in time. */
final class OversightData {

    record Council(Organisation organisation, Account practitioner, Account dpo, List<DirectoryEntry> recipients) {
        Actor actor(Account account) {
            return new Actor(account.id(), organisation.id(), account.displayName(), Role.names(account.roles()));
        }
    }

    private final Fixtures fixtures;
    private final Directory directory;
    private final SharingRegister register;
    private final JdbcClient jdbc;
    private final RegisterTotals totals;

    OversightData(Fixtures fixtures, Directory directory, SharingRegister register, JdbcClient jdbc, RegisterTotals totals) {
        this.fixtures = fixtures;
        this.directory = directory;
        this.register = register;
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** An organisation whose directory holds the recipients, each a health body unless kinds say otherwise (in turn). */
    Council council(String name, List<OrganisationKind> kinds, String... recipientNames) {
        Organisation organisation = fixtures.organisation(name);
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), organisation.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        List<DirectoryEntry> recipients = new ArrayList<>();
        int n = 0;
        for (String recipient : recipientNames) {
            OrganisationKind kind = kinds.isEmpty() ? OrganisationKind.HEALTH : kinds.get(n % kinds.size());
            recipients.add(directory.addEntry(caller, recipient, kind,
                    List.of(new Switchboard(TelephoneNumber.parse("0118 974 60" + (10 + n++)), null))));
        }
        return new Council(organisation, fixtures.person(organisation, Role.PRACTITIONER),
                fixtures.person(organisation, Role.DATA_PROTECTION_OFFICER), recipients);
    }

    Council council(String name, String... recipientNames) {
        return council(name, List.of(), recipientNames);
    }

    UUID share(Council c, String channel, String marking, DirectoryEntry recipient) {
        return share(c, channel, marking, recipient, "PUBLIC_TASK", "C-1001");
    }

    /** A share recorded through the register as a practitioner would; the caller then moves its date and status. */
    UUID share(Council c, String channel, String marking, DirectoryEntry recipient, String lawfulBasis, String caseReference) {
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of("Alex Example"), List.of("27/3/2015"),
                List.of(caseReference), "School attendance summary", List.of("PERSONAL"), marking, "ROUTINE", "Health visitor assessment",
                "The assessment needs it", lawfulBasis, "", "", "", "no", "WOULD_CAUSE_DELAY", "", "", "", "", "", "NONE", "", "SHARE",
                "Proportionate and necessary", channel, recipient.id().toString(), "", "", "Sam Nurse", "Health visitor", "Community health",
                "", "", channel.equals("POST") ? "1 High Street, Wokingham RG40 1BN" : "", "", "YES", "", "", ""), c.actor(c.practitioner()));
        assertThat(created.errors()).as("the share is recorded").isEmpty();
        return created.id();
    }

    /**
     * Test data only: the register's verbs cannot back-date a record, so its day and status are set
     * directly to spread the records over the periods and the register's statuses, and its
     * organisation's totals counted again from the records, as after a bulk load.
     */
    void shape(UUID id, LocalDate day, String status) {
        jdbc.sql("update sharing_record set created_at = ?, status = ? where id = ?")
                .params(Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)), status, id).update();
        recount(id);
    }

    /** As a record made before the recipient type and lawful basis were kept in their own columns (V30) and typed, not picked. */
    void madeBeforeTypesWereKept(UUID id) {
        jdbc.sql("update sharing_record set recipient_type = null, lawful_basis = null where id = ?").param(id).update();
        recount(id);
    }

    private void recount(UUID id) {
        totals.recount(jdbc.sql("select organisation_id from sharing_record where id = ?").param(id).query(UUID.class).single());
    }
}
