package org.caseshare.fhir;

import java.util.Date;
import java.util.List;

import org.caseshare.policy.Marking;
import org.caseshare.policy.Urgency;
import org.caseshare.sharing.Direction;
import org.caseshare.sharing.Recipient;
import org.caseshare.sharing.SharingDetails;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.Stamp;
import org.caseshare.sharing.Subject;
import org.caseshare.sharing.TimelineEvent;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityDetailComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * One disclosure of the register as a FHIR R4 AuditEvent, following IHE Basic Audit Log Patterns
 * (BALP) 1.1, profile IHE.BasicAudit.PrivacyDisclosure.Source ("Audit Event for Privacy Disclosure
 * at Source"). Elements followed: type = DICOM 110106 Export; subtype = ISO 21089 lifecycle
 * "disclose"; action = R (the source reads its record to release it); recorded = when it was shared;
 * outcome = 0 success (only shares that happened are exported); purposeOfEvent (v3 PurposeOfUse where
 * a code fits, else text); agent slices: source (DICOM 110153, the practitioner who shared, as the
 * requestor, with the policy version that allowed it in agent.policy), custodian (v3 CST, the
 * organisation that released the data) and recipient (DICOM 110152 Destination Role ID); source.observer
 * = this Caseshare installation; entity slices: patient (entity type 1 Person, role 1 Patient,
 * identified by NHS number when recorded, else the organisation's case reference) and data (entity type
 * 2 System Object, role 4 Domain Resource, the information described, the marking as a security label,
 * the lawful basis and gateway in entity.detail). No names or dates of birth of the people it is about.
 */
final class DisclosureAuditEvents {

    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    private final Identifiers ids;

    DisclosureAuditEvents(Identifiers ids) {
        this.ids = ids;
    }

    AuditEvent of(SharingRecord record, String organisationName) {
        SharingRecord.Content c = record.content();
        AuditEvent event = new AuditEvent();
        event.setId(record.id().toString());
        event.setType(new Coding(DICOM, "110106", "Export"));
        event.addSubtype(new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"));
        event.setAction(AuditEventAction.R);
        event.setRecorded(Date.from(record.sharedAt().orElseThrow()));
        event.setOutcome(AuditEventOutcome._0);
        CodeableConcept purpose = new CodeableConcept().setText(c.purpose());
        PurposesOfUse.of(c.purpose()).ifPresent(purpose::addCoding);
        if (c.urgency() == Urgency.EMERGENCY && purpose.getCoding().isEmpty()) {
            // An emergency share goes first to keep someone safe: the threat is the purpose.
            purpose.addCoding(new Coding(PurposesOfUse.SYSTEM, "THREAT", "threat"));
        }
        if (!purpose.isEmpty()) {
            event.addPurposeOfEvent(purpose);
        }
        event.addAgent(source(record, organisationName));
        event.addAgent(custodian(record, organisationName));
        event.addAgent(recipient(c.recipient(), c.direction()));
        event.getSource().setSite(ids.installation())
                .setObserver(new Reference().setIdentifier(new Identifier().setSystem(ids.installationSystem()).setValue(ids.installation()))
                        .setDisplay("Caseshare"))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        for (int i = 0; i < c.subjects().size(); i++) {
            event.addEntity(patient(record, c.subjects().get(i), i + 1));
        }
        event.addEntity(data(record));
        return event;
    }

    private AuditEventAgentComponent source(SharingRecord record, String organisationName) {
        Stamp by = sharedBy(record);
        AuditEventAgentComponent agent = new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(ids.accounts()).setValue(by.accountId().toString()))
                        .setDisplay(by.name() + " (" + organisationName + ")"))
                .setRequestor(record.content().direction() != Direction.REQUEST_RECEIVED);
        agent.addPolicy(ids.policy(record.policy().version().number()));
        return agent;
    }

    private AuditEventAgentComponent custodian(SharingRecord record, String organisationName) {
        return new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(PARTICIPATION, "CST", "custodian")))
                .setWho(new Reference().setType("Organization")
                        .setIdentifier(new Identifier().setSystem(ids.organisations()).setValue(record.organisationId().toString()))
                        .setDisplay(organisationName))
                .setRequestor(false);
    }

    /** The person and organisation the information went to; for a request received, they asked for it. */
    private AuditEventAgentComponent recipient(Recipient to, Direction direction) {
        Reference who = new Reference().setDisplay(to.name() + (to.jobTitle() == null || to.jobTitle().isBlank() ? "" : ", " + to.jobTitle())
                + " (" + to.organisation() + ")");
        if (to.entryId() != null) {
            who.setIdentifier(new Identifier().setSystem(ids.directory()).setValue(to.entryId().toString()));
        }
        return new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DICOM, "110152", "Destination Role ID")))
                .setWho(who)
                .setRequestor(direction == Direction.REQUEST_RECEIVED);
    }

    /**
     * The person by NHS number when one was recorded, else by the organisation's case reference, else
     * (a date of birth only) by their place on the record, which the organisation can look up.
     */
    private AuditEventEntityComponent patient(SharingRecord record, Subject subject, int position) {
        Identifier identifier;
        if (subject.nhsNumber() != null) {
            identifier = new Identifier().setSystem(NHS_NUMBER).setValue(subject.nhsNumber().digits());
        } else if (subject.localReference() != null) {
            identifier = new Identifier().setSystem(ids.caseReferences(record.organisationId())).setValue(subject.localReference());
        } else {
            identifier = new Identifier().setSystem(ids.recordSubjects(record.organisationId())).setValue(recordReference(record) + "/" + position);
        }
        return new AuditEventEntityComponent()
                .setWhat(new Reference().setType("Patient").setIdentifier(identifier))
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }

    private AuditEventEntityComponent data(SharingRecord record) {
        SharingRecord.Content c = record.content();
        AuditEventEntityComponent entity = new AuditEventEntityComponent()
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(ids.records(record.organisationId()))
                        .setValue(recordReference(record))))
                .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"))
                .setDescription(c.information());
        entity.addSecurityLabel(confidentiality(c.marking()));
        SharingDetails d = c.details();
        detail(entity, "marking", c.marking().label() + (c.descriptor() == null ? "" : " [" + c.descriptor().name() + "]"));
        detail(entity, "lawfulBasis", d.lawfulBasis() == null ? null : d.lawfulBasis().displayName());
        detail(entity, "statutoryGateway", d.statutoryGateway());
        detail(entity, "article9Condition", d.article9Condition());
        detail(entity, "channel", c.channel().name());
        detail(entity, "urgency", c.urgency().name());
        detail(entity, "policyVersion", Integer.toString(record.policy().version().number()));
        return entity;
    }

    /** UK markings by the nearest HL7 confidentiality: OFFICIAL is normal, OFFICIAL-SENSITIVE restricted, above that very restricted. */
    static Coding confidentiality(Marking marking) {
        Marking handled = marking.isLegacy() ? marking.mapping().handledAs() : marking;
        return switch (handled) {
            case OFFICIAL -> new Coding(CONFIDENTIALITY, "N", "normal");
            case OFFICIAL_SENSITIVE -> new Coding(CONFIDENTIALITY, "R", "restricted");
            default -> new Coding(CONFIDENTIALITY, "V", "very restricted");
        };
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null && !value.isBlank()) {
            entity.addDetail(new AuditEventEntityDetailComponent().setType(type).setValue(new StringType(value)));
        }
    }

    private static String recordReference(SharingRecord record) {
        return record.reference() == null ? record.id().toString() : record.reference();
    }

    /** Who marked it shared (the timeline's "shared" event); an emergency share is shared by whoever recorded it. */
    private static Stamp sharedBy(SharingRecord record) {
        List<TimelineEvent> timeline = record.timeline();
        return timeline.stream().filter(e -> e.action().equals("shared")).map(TimelineEvent::by).reduce((a, b) -> b)
                .orElse(record.decidedBy());
    }
}
