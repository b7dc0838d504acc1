package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.List;

/** A stored record as the form shows it, for changing the decision or completing an emergency record. */
final class RecordForms {

    private RecordForms() {
    }

    static ShareForm of(SharingRecord record) {
        SharingRecord.Content c = record.content();
        SharingDetails d = c.details();
        List<String> names = new ArrayList<>();
        List<String> births = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> nhsNumbers = new ArrayList<>();
        for (Subject s : c.subjects()) {
            names.add(s.name());
            births.add(s.dateOfBirth() == null ? "" : s.dateOfBirth().toString());
            references.add(s.localReference() == null ? "" : s.localReference());
            nhsNumbers.add(s.nhsNumber() == null ? "" : s.nhsNumber().formatted());
        }
        Recipient r = c.recipient();
        return new ShareForm(record.formToken(), Integer.toString(record.version()), c.direction().name(), names, births, references,
                c.information(), c.categories().stream().map(Enum::name).toList(),
                c.marking().name() + (c.descriptor() == null ? "" : ":" + c.descriptor().name()), c.urgency().name(), c.purpose(),
                s(d.necessity()), d.lawfulBasis() == null ? "" : d.lawfulBasis().name(), s(d.article9Condition()), s(d.article10Condition()),
                s(d.statutoryGateway()), d.consentSought() == null ? "" : d.consentSought() ? "yes" : "no",
                d.consentNotSought() == null ? "" : d.consentNotSought().name(), s(d.consentNotSoughtOther()), s(d.consentGivenBy()),
                s(d.consentCapacity()), s(d.consentLimits()), d.consentWithdrawn() ? "yes" : "", d.adviceFrom() == null ? "NONE" : d.adviceFrom().name(),
                s(d.adviceSummary()), c.decision().name(), s(c.decisionReasons()), c.channel().name(),
                r.entryId() == null ? "" : r.entryId().toString(), "", r.organisation(), r.name(), s(r.jobTitle()), s(r.department()),
                s(r.telephone()), s(r.email()), s(r.address()), s(c.numberGiven()), s(d.personInformed()), s(d.personInformedOn()),
                s(d.personNotInformedWhy()), s(d.reviewDate()), nhsNumbers);
    }

    /**
     * "Share again like this": a new form carrying what an earlier record already settled (the
     * people, the recipient, the purpose and necessity, the marking and the lawful basis), each shown
     * for the person to check. What belongs to this share alone (what is shared, consent, the
     * decision and its reasons, whether the person was told) starts blank.
     */
    static ShareForm again(SharingRecord record, String token) {
        ShareForm was = of(record);
        return new ShareForm(token, "", was.direction(), was.subjectName(), was.subjectDateOfBirth(), was.subjectReference(), "",
                was.categories(), was.marking(), "ROUTINE", was.purpose(), was.necessity(), was.lawfulBasis(), was.article9Condition(),
                was.article10Condition(), was.statutoryGateway(), "", "", "", "", "", "", "", "NONE", "", "SHARE", "", was.channel(),
                was.recipientEntry(), "", was.recipientOrganisation(), was.recipientName(), was.recipientJobTitle(),
                was.recipientDepartment(), was.recipientTelephone(), was.recipientEmail(), was.recipientAddress(), "", "", "", "", "",
                was.subjectNhsNumber());
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
