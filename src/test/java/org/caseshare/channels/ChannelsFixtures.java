package org.caseshare.channels;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.EmailDomain;
import org.caseshare.directory.FaxNumber;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.PostalAddress;
import org.caseshare.directory.Postcode;
import org.caseshare.directory.SecureEmailDomain;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.system.Actor;
import org.caseshare.sharing.ShareForm;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** A council whose directory knows a health trust's secure email domain, postal address and pre-programmed fax number. */
record ChannelsFixtures(Organisation organisation, Account practitioner, DirectoryEntry health) {

    static ChannelsFixtures council(Fixtures fixtures, Directory directory) {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH, List.of(
                new Switchboard(TelephoneNumber.parse("0118 974 6000"), null),
                new SecureEmailDomain(EmailDomain.parse("wessex.nhs.uk"), true),
                new PostalAddress("Children's community health", "Trust Headquarters", "London Road", "Reading", Postcode.parse("RG1 5AN")),
                new FaxNumber(TelephoneNumber.parse("0118 974 6099"), "Safe haven")));
        for (var point : health.contactPoints()) {
            directory.markVerified(caller, health.id(), point.id());
        }
        return new ChannelsFixtures(council, fixtures.person(council, Role.PRACTITIONER), directory.entry(council.id(), health.id()).orElseThrow());
    }

    Actor actor() {
        return new Actor(practitioner.id(), organisation.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
    }

    /** A routine share of one child's attendance to a named health visitor, by the given channel. */
    UUID share(SharingRegister register, String channel) {
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of("Alex Example"), List.of("27/3/2015"),
                List.of("C-1001"), "School attendance summary for this term", List.of("PERSONAL"), "OFFICIAL", "ROUTINE",
                "Health visitor assessment", "The assessment needs attendance information", "PUBLIC_TASK", "", "", "", "no",
                "WOULD_CAUSE_DELAY", "", "", "", "", "", "NONE", "", "SHARE", "Proportionate and necessary", channel,
                health.id().toString(), "", "", "Sam Nurse", "Health visitor", "Children's community health", "",
                "sam.nurse@wessex.nhs.uk", channel.equals("POST") ? "Trust Headquarters, London Road, Reading RG1 5AN" : "", "", "YES", "", "", ""), actor());
        assertThat(created.errors()).isEmpty();
        return created.id();
    }

    private static final Pattern SAFEGUARD_BOX = Pattern.compile("name=\"safeguard\" type=\"checkbox\" value=\"([a-z0-9.-]+)\"");

    /** The safeguard checkboxes a page offers, as form parameters ticking every one. */
    static String[] tickAll(String page, String... more) {
        List<String> params = new java.util.ArrayList<>(List.of(more));
        Matcher m = SAFEGUARD_BOX.matcher(page);
        while (m.find()) {
            params.add("safeguard");
            params.add(m.group(1));
        }
        return params.toArray(String[]::new);
    }
}
