package org.caseshare.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import caseshare.client.ApiClient;
import caseshare.client.ApiException;
import caseshare.client.api.PackagesApi;
import caseshare.client.api.SharingActionsApi;
import caseshare.client.api.SharingApi;
import caseshare.client.model.HubPackage;
import caseshare.client.model.NewPackage;
import caseshare.client.model.NewRecord;
import caseshare.client.model.RecordSafeguard;
import caseshare.client.model.SendRequest;
import caseshare.client.model.Sent;
import caseshare.client.model.SharingRecordResponse;
import caseshare.client.model.Step;
import caseshare.client.model.Subject;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client openapi-generator made from docs/api/openapi.json (target/generated-test-sources),
 * used as a partner's developer would: record a share, send a hub package under it, and the partner
 * acknowledges and downloads the file. If the document were wrong about a path, a body or an answer,
 * this journey would not get through.
 */
class GeneratedClientJourneyIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    @TempDir
    Path folder;

    @Test
    void recordAShareSendAPackageAndThePartnerDownloadsIt() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account partner = fixtures.person(school, Role.PARTNER);
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry schoolEntry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(),
                Set.of(Actor.ORGANISATION_ADMIN)), school.name(), OrganisationKind.SCHOOL);
        ApiClient asPractitioner = client(fixtures.token(practitioner));
        ApiClient asPartner = client(fixtures.token(partner));

        // 1. Record the share, by the secure hub, and confirm its checklist.
        SharingRecordResponse record = call(() -> new SharingApi(asPractitioner).sharingCreate(hubShare(schoolEntry.id(), partner.email())));
        assertThat(record.getStatus()).isEqualTo("READY");
        UUID recordId = record.getId();
        for (RecordSafeguard safeguard : record.getPolicy().getSafeguards()) {
            Step step = new Step().version(record.getVersion());
            record = call(() -> new SharingActionsApi(asPractitioner).sharingActionsConfirmSafeguard(recordId, safeguard.getId(), null, step));
        }
        assertThat(record.getPolicy().getSafeguards()).allMatch(RecordSafeguard::getConfirmed);

        // 2. Send a package under it, with one file.
        HubPackage draft = call(() -> new PackagesApi(asPractitioner).packagesCreate(new NewPackage().sharingRecordId(recordId)
                .recipients(List.of(partner.email()))));
        Path plan = Files.writeString(folder.resolve("transition-plan.txt"), "Transition plan for the autumn term\n", StandardCharsets.UTF_8);
        UUID fileId = call(() -> new PackagesApi(asPractitioner).packagesUpload(draft.getId(), "transition-plan.txt", plan.toFile())).getId();
        Sent sent = call(() -> new PackagesApi(asPractitioner).packagesSend(draft.getId(), new SendRequest().password(false)));
        assertThat(sent.getStatus()).isEqualTo("SENT");
        assertThat(sent.getPassword()).isNull();

        // 3. The partner acknowledges and downloads it.
        call(() -> {
            new PackagesApi(asPartner).packagesAcknowledge(draft.getId());
            return null;
        });
        java.io.File downloaded = call(() -> new PackagesApi(asPartner).packagesDownload(draft.getId(), fileId, null));
        assertThat(Files.readString(downloaded.toPath())).isEqualTo("Transition plan for the autumn term\n");
        assertThat(call(() -> new PackagesApi(asPartner).packagesGet(draft.getId())).getFiles()).singleElement()
                .satisfies(file -> assertThat(file.getDownloads()).isEqualTo(1));
    }

    /** A routine share by the secure hub to a named person at the school, in the client's own model. */
    private static NewRecord hubShare(UUID schoolEntry, String recipientEmail) {
        return new NewRecord().formToken(UUID.randomUUID().toString()).direction("WE_SHARE")
                .subjects(List.of(new Subject().name("Robin Pupil").dateOfBirth("2014-04-03").reference("C-7001")))
                .information("Transition plan and attendance").categories(List.of("PERSONAL")).marking("OFFICIAL").urgency("ROUTINE")
                .purpose(Fixtures.HUB_PURPOSE).necessity("The school cannot plan support without it").lawfulBasis("PUBLIC_TASK")
                .consentSought("yes").consentGivenBy("Parent").consentLimits("Sharing with the school only")
                .adviceFrom("NONE").decision("SHARE").decisionReasons("Necessary and proportionate for the transition")
                .channel("SECURE_HUB").recipientEntry(schoolEntry.toString()).recipientName("Jo Teacher")
                .recipientJobTitle("Head of year").recipientDepartment("Year 6").recipientEmail(recipientEmail).personInformed("YES");
    }

    /** Authenticated by the document's own bearer scheme (personalAccessToken), as a generated client is meant to be. */
    private ApiClient client(String token) {
        return new ApiClient().setBasePath("http://localhost:" + port).setBearerToken(token)
                .setConnectTimeout(10_000).setReadTimeout(30_000);
    }

    interface Call<T> {
        T run() throws ApiException;
    }

    /** The call's answer; on an error status, a failure that shows the problem the service gave. */
    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new AssertionError("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }
}
