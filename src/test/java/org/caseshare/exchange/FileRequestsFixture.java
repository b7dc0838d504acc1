package org.caseshare.exchange;

import java.util.Set;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The people of the request-for-files tests: a practitioner at a council, and a teacher at a school in the council's directory. */
abstract class FileRequestsFixture extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;

    Organisation council;
    Organisation school;
    DirectoryEntry schoolEntry;
    Account practitioner;
    Account teacher;

    @BeforeEach
    void people() {
        council = fixtures.organisation("Council");
        school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        schoolEntry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        practitioner = fixtures.person(council, Role.PRACTITIONER);
        teacher = fixtures.person(school, Role.PARTNER);
    }
}
