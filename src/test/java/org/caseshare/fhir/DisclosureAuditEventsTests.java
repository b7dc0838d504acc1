package org.caseshare.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.PolicyVersion;
import org.caseshare.policy.Urgency;
import org.caseshare.sharing.Decision;
import org.caseshare.sharing.Direction;
import org.caseshare.sharing.LawfulBasis;
import org.caseshare.sharing.NhsNumber;
import org.caseshare.sharing.Recipient;
import org.caseshare.sharing.SharingDetails;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.Subject;
import org.caseshare.system.Actor;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exported AuditEvents and search Bundles pass HAPI's validator against the base R4 specification
 * (structure, cardinality, invariants and the code systems it carries) with no errors, and carry the
 * Privacy Disclosure pattern's elements.
 */
class DisclosureAuditEventsTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final FhirContext CONTEXT = FhirJson.context();
    private static final FhirValidator VALIDATOR = validator();

    private final DisclosureAuditEvents events = new DisclosureAuditEvents(new Identifiers("https://caseshare.example.org/"));
    private final Actor practitioner = new Actor(UUID.randomUUID(), UUID.randomUUID(), "Pat Practitioner", Set.of("PRACTITIONER"));

    private static FhirValidator validator() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT), new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        return CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private SharingRecord shared(Urgency urgency, Marking marking, String purpose, List<Subject> subjects) {
        SharingDetails details = new SharingDetails("Needed for the assessment", LawfulBasis.PUBLIC_TASK, null, null,
                "Children Act 1989 s.47", false, null, null, null, null, null, false, null, null, null, null, null, null);
        SharingRecord.Content content = new SharingRecord.Content(Direction.WE_SHARE, subjects, "Attendance summary for this term",
                Set.of(InformationCategory.PERSONAL), marking, null, urgency, purpose, details, Decision.SHARE, "Necessary", Channel.TELEPHONE,
                new Recipient(UUID.randomUUID(), "Wessex Health Trust", "Sam Nurse", "Health visitor", null, "0118 974 6000", null, null),
                null, null, OrganisationType.HEALTH);
        boolean emergency = urgency == Urgency.EMERGENCY;
        SharingRecord.PolicyAnswer answer = new SharingRecord.PolicyAnswer(new PolicyVersion(3, "ab".repeat(32)), List.of(), Optional.empty(),
                "Telephone", emergency);
        SharingRecord record = SharingRecord.record(UUID.randomUUID(), UUID.randomUUID().toString(), content, answer, practitioner, NOW,
                Duration.ofHours(24));
        if (!emergency) {
            record.share(practitioner, NOW.plusSeconds(60));
        }
        return record;
    }

    private static List<SingleValidationMessage> errors(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
    }

    @Test
    void aRoutineShareWithAnNhsNumberIsAValidPrivacyDisclosure() {
        SharingRecord record = shared(Urgency.ROUTINE, Marking.OFFICIAL_SENSITIVE, "Health visitor assessment of the child's needs",
                List.of(new Subject("Alex Example", null, "C-1001", NhsNumber.parse("943 476 5919").orElseThrow()),
                        new Subject("Sam Sibling", LocalDate.of(2016, 1, 2), null)));

        AuditEvent event = events.of(record, "Wokingham Council");

        assertThat(errors(event)).isEmpty();
        assertThat(event.getType().getCode()).isEqualTo("110106");
        assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("disclose");
        assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(event.getRecorded().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(event.getPurposeOfEventFirstRep().getText()).isEqualTo("Health visitor assessment of the child's needs");
        assertThat(event.getAgent()).extracting(a -> a.getType().getCodingFirstRep().getCode()).containsExactly("110153", "CST", "110152");
        assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo("Pat Practitioner (Wokingham Council)");
        assertThat(event.getAgentFirstRep().getPolicy()).extracting(p -> p.getValue()).containsExactly("https://caseshare.example.org/id/policy-version/3");
        assertThat(event.getAgent().get(2).getWho().getDisplay()).isEqualTo("Sam Nurse, Health visitor (Wessex Health Trust)");
        assertThat(event.getSource().getObserver().getIdentifier().getValue()).isEqualTo("https://caseshare.example.org");
        AuditEvent.AuditEventEntityComponent patient = event.getEntity().get(0);
        assertThat(patient.getRole().getCode()).isEqualTo("1");
        assertThat(patient.getWhat().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(patient.getWhat().getIdentifier().getValue()).isEqualTo("9434765919");
        // Without an NHS number the person is known by a reference local to the organisation; never by name.
        assertThat(event.getEntity().get(1).getWhat().getIdentifier().getSystem()).endsWith("/sharing-record-subject");
        assertThat(FhirJson.write(event)).doesNotContain("Alex Example", "Sam Sibling", "2016-01-02");
        AuditEvent.AuditEventEntityComponent data = event.getEntity().get(2);
        assertThat(data.getDescription()).isEqualTo("Attendance summary for this term");
        assertThat(data.getSecurityLabelFirstRep().getCode()).isEqualTo("R");
        assertThat(data.getDetail()).anySatisfy(d -> {
            assertThat(d.getType()).isEqualTo("lawfulBasis");
            assertThat(d.getValueStringType().getValue()).isEqualTo(LawfulBasis.PUBLIC_TASK.displayName());
        });
    }

    @Test
    void anEmergencyShareIsForAThreatAndValid() {
        SharingRecord record = shared(Urgency.EMERGENCY, Marking.OFFICIAL, "Immediate risk at home",
                List.of(new Subject("Jo Emergency", null, "C-911")));

        AuditEvent event = events.of(record, "Wokingham Council");

        assertThat(errors(event)).isEmpty();
        assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("THREAT");
        assertThat(event.getEntity().get(0).getWhat().getIdentifier().getValue()).isEqualTo("C-911");
        assertThat(event.getEntity().get(1).getSecurityLabelFirstRep().getCode()).isEqualTo("N");
    }

    @Test
    void aPurposeWithNoFittingCodeGoesAsTextAlone() {
        SharingRecord record = shared(Urgency.ROUTINE, Marking.OFFICIAL, "Transition planning for a pupil",
                List.of(new Subject("Robin Pupil", null, "C-7001")));

        AuditEvent event = events.of(record, "Wokingham Council");

        assertThat(errors(event)).isEmpty();
        assertThat(event.getPurposeOfEventFirstRep().getCoding()).isEmpty();
        assertThat(event.getPurposeOfEventFirstRep().getText()).isEqualTo("Transition planning for a pupil");
    }

    @Test
    void aSearchBundleOfThemIsValid() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(2);
        bundle.addLink().setRelation("self").setUrl("https://caseshare.example.org/api/v1/fhir/AuditEvent?date=ge2026-01-01");
        for (Urgency urgency : List.of(Urgency.ROUTINE, Urgency.EMERGENCY)) {
            SharingRecord record = shared(urgency, Marking.OFFICIAL, "Safeguarding enquiry", List.of(new Subject("Alex Example", null, "C-1")));
            bundle.addEntry().setFullUrl("https://caseshare.example.org/api/v1/fhir/AuditEvent/" + record.id())
                    .setResource(events.of(record, "Wokingham Council")).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }

        assertThat(errors(bundle)).isEmpty();
        Bundle parsed = CONTEXT.newJsonParser().parseResource(Bundle.class, FhirJson.write(bundle));
        assertThat(parsed.getEntry()).hasSize(2);
    }

    @Test
    void theValidatorFindsAnErrorWhenThereIsOne() {
        // Guards the tests above: a validator that passed everything would make them worthless.
        AuditEvent broken = events.of(shared(Urgency.ROUTINE, Marking.OFFICIAL, "x", List.of(new Subject("A", null, "C-2"))), "Org");
        broken.setType(null);
        broken.getAgent().clear();

        assertThat(errors(broken)).isNotEmpty();
    }
}
