package org.caseshare.identity;

import java.util.Set;

import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo profile's fictional organisations — a council, a primary school and a health trust —
 * with one person per role, so a newcomer can sign in at once. Everyone shares one documented demo
 * password and sets up their second factor at first sign-in, as in real use.
 */
@Component
@Profile("demo")
class DemoData {

    static final String PASSWORD = "demo-caseshare-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Members members;
    private final Directory organisations;
    private final Accounts accounts;

    DemoData(Members members, Directory organisations, Accounts accounts) {
        this.members = members;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (accounts.anySystemAdmin()) {
            return;
        }
        Account admin = members.createFirstOrganisation("Demo Borough Council", OrganisationKind.COUNCIL, "Alex Admin",
                "admin@council.demo.caseshare.org", PASSWORD);
        Organisation council = organisations.organisation(admin.organisationId()).orElseThrow();
        people(council, "council");
        people(organisations.createTenant("Demo Primary School", OrganisationKind.SCHOOL, "demo"), "school");
        people(organisations.createTenant("Demo Health Trust", OrganisationKind.HEALTH, "demo"), "health");
        // No address and no password in the log: logs are shipped and kept where neither belongs (README names them).
        log.warn("DEMO data created: one person per role in three organisations; README's demo section says how to sign in.");
    }

    private void people(Organisation organisation, String domain) {
        String suffix = "@" + domain + ".demo.caseshare.org";
        add(organisation, "practitioner" + suffix, "Pat Practitioner", Role.PRACTITIONER);
        add(organisation, "manager" + suffix, "Morgan Manager", Role.MANAGER);
        add(organisation, "dpo" + suffix, "Dana Protection", Role.DATA_PROTECTION_OFFICER);
        if (!domain.equals("council")) {
            add(organisation, "admin" + suffix, "Ari Admin", Role.ORGANISATION_ADMIN);
        }
        add(organisation, "partner" + suffix, "Parker Partner", Role.PARTNER);
    }

    private void add(Organisation organisation, String email, String name, Role role) {
        members.createAccount(organisation.id(), email, name, Set.of(role), PASSWORD, "demo");
    }
}
