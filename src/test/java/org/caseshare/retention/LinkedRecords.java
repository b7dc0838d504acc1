package org.caseshare.retention;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.caseshare.custody.CustodyForms;
import org.caseshare.custody.CustodyRegister;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.exchange.NewPackage;
import org.caseshare.exchange.PackageShredding;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.incident.IncidentForms;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.retention.RetentionScenes.Council;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Records of every kind about one person, linked as the modules link them, built through each module's own API. */
final class LinkedRecords {

    private final RetentionScenes scenes;
    private final Fixtures fixtures;
    private final Directory directory;
    private final SharingRegister register;
    private final IncidentRegister incidents;
    private final CustodyRegister custody;
    private final Packages packages;
    private final PackageUploads uploads;
    private final PackageShredding shredding;
    private final JdbcClient jdbc;
    private final TestClock clock;

    LinkedRecords(RetentionScenes scenes, Fixtures fixtures, Directory directory, SharingRegister register, IncidentRegister incidents,
            CustodyRegister custody, Packages packages, PackageUploads uploads, PackageShredding shredding, JdbcClient jdbc, TestClock clock) {
        this.scenes = scenes;
        this.fixtures = fixtures;
        this.directory = directory;
        this.register = register;
        this.incidents = incidents;
        this.custody = custody;
        this.packages = packages;
        this.uploads = uploads;
        this.shredding = shredding;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Two shares about the person: by the secure hub, with its package, and by hand, with its custody
     * item; and an incident about both. Closed, if asked, each as its module closes it.
     */
    record Linked(UUID share, UUID byHand, UUID pkg, String blobKey, UUID item, UUID incident) {
    }

    Linked linked(Council c, String name, String reference, boolean close) throws Exception {
        Organisation school = fixtures.organisation("School");
        Account partner = fixtures.person(school, Role.PARTNER);
        Account admin = fixtures.person(c.organisation(), Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(RetentionScenes.actor(admin), school.name(), OrganisationKind.SCHOOL);
        UUID share = scenes.recordDecision(c, name, reference, "Plan for " + name, "SHARE", entry, partner.email());
        var record = register.get(c.organisation().id(), share);
        record = register.completeChecklist(c.practitionerActor(), share, record.version(), null, record.policy().requiredSafeguards(), false);
        UUID pkg = packages.create(c.practitionerActor(), new NewPackage(null, List.of(partner.email()), null, null, "None", 7, 3, share));
        byte[] file = ("About " + name).getBytes(StandardCharsets.UTF_8);
        uploads.addFile(c.practitionerActor(), pkg, "notes.txt", new ByteArrayInputStream(file), file.length);
        packages.send(c.practitionerActor(), pkg, false);
        String blobKey = jdbc.sql("select blob_key from hub_file where package_id = ?").param(pkg).query(String.class).single();

        UUID byHand = scenes.recordDecision(c, name, reference, "Plan for " + name, "SHARE", c.school(), "", "BY_HAND");
        var taken = custody.take(c.practitionerActor(), new CustodyForms.Take("PAPER", "Case file of " + name, "Home visit to " + name,
                tomorrow(), "17:00", "", byHand.toString(), List.of("hand.sealed-envelope")));
        assertThat(taken.errors()).isEmpty();
        ZonedDateTime discovered = clock.instant().minus(Duration.ofHours(2)).atZone(ZoneId.of("Europe/London"));
        var reported = incidents.report(c.practitionerActor(), new IncidentForms.Report("Letter about " + name + " sent to the wrong school",
                discovered.getDayOfMonth() + "/" + discovered.getMonthValue() + "/" + discovered.getYear(),
                String.format("%02d:%02d", discovered.getHour(), discovered.getMinute()), "1", "1", name + " may be upset",
                "Asked the school to delete it", share.toString(), taken.id().toString(), ""));
        assertThat(reported.errors()).isEmpty();
        if (close) {
            shredding.revoke(c.practitionerActor(), pkg);
            assertThat(custody.close(c.practitionerActor(), taken.id(), new CustodyForms.Close("disposed", "", "Cross-cut shredder")).errors())
                    .isEmpty();
            assertThat(incidents.decide(c.dpoActor(), reported.id(), new IncidentForms.Decide("no", "Contained the same day", "", "", "",
                    "no", "No risk to the family", "")).errors()).isEmpty();
        }
        return new Linked(share, byHand, pkg, blobKey, taken.id(), reported.id());
    }

    private String tomorrow() {
        ZonedDateTime day = clock.instant().plus(Duration.ofDays(1)).atZone(ZoneId.of("Europe/London"));
        return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
    }
}
