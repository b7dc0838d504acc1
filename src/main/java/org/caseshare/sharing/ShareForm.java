package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.List;

import org.caseshare.system.MultiLine;

/**
 * "Record a share" as typed: every field text, read and checked by {@link ShareFormReader} so the page
 * and the API give the same messages. People are parallel lists (name, date of birth, reference,
 * NHS number); blank rows are ignored. Fields that are textareas on the page are {@link MultiLine}: only they may
 * hold line breaks.
 */
public record ShareForm(String formToken, String version, String direction, List<String> subjectName, List<String> subjectDateOfBirth,
        List<String> subjectReference, @MultiLine String information, List<String> categories, String marking, String urgency,
        @MultiLine String purpose, @MultiLine String necessity, String lawfulBasis, String article9Condition, String article10Condition,
        String statutoryGateway, String consentSought, String consentNotSought, String consentNotSoughtOther,
        String consentGivenBy, String consentCapacity, String consentLimits, String consentWithdrawn, String adviceFrom,
        @MultiLine String adviceSummary, String decision, @MultiLine String decisionReasons, String channel, String recipientEntry, String recipientType,
        String recipientOrganisation, String recipientName, String recipientJobTitle, String recipientDepartment,
        String recipientTelephone, String recipientEmail, @MultiLine String recipientAddress, String numberGiven, String personInformed,
        String personInformedOn, String personNotInformedWhy, String reviewDate, List<String> subjectNhsNumber) {

    /** Fields in page order, so the error summary lists problems top to bottom. */
    static final List<String> FIELDS = List.of("direction", "channel", "urgency", "recipientEntry", "recipientType",
            "recipientOrganisation", "recipientName", "recipientJobTitle", "recipientDepartment", "numberGiven", "recipientTelephone",
            "recipientEmail", "recipientAddress", "subjectName", "information", "categories", "marking", "purpose", "necessity",
            "lawfulBasis", "article9Condition", "article10Condition", "consentSought", "consentNotSought", "consentGivenBy",
            "adviceSummary", "decision", "decisionReasons", "personInformed", "personInformedOn", "personNotInformedWhy", "reviewDate");

    public ShareForm {
        subjectName = pad(subjectName);
        subjectDateOfBirth = pad(subjectDateOfBirth);
        subjectReference = pad(subjectReference);
        subjectNhsNumber = pad(subjectNhsNumber);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The form without NHS numbers, as most callers (and every record made before they were kept) have it. */
    public ShareForm(String formToken, String version, String direction, List<String> subjectName, List<String> subjectDateOfBirth,
            List<String> subjectReference, String information, List<String> categories, String marking, String urgency,
            String purpose, String necessity, String lawfulBasis, String article9Condition, String article10Condition,
            String statutoryGateway, String consentSought, String consentNotSought, String consentNotSoughtOther,
            String consentGivenBy, String consentCapacity, String consentLimits, String consentWithdrawn, String adviceFrom,
            String adviceSummary, String decision, String decisionReasons, String channel, String recipientEntry, String recipientType,
            String recipientOrganisation, String recipientName, String recipientJobTitle, String recipientDepartment,
            String recipientTelephone, String recipientEmail, String recipientAddress, String numberGiven, String personInformed,
            String personInformedOn, String personNotInformedWhy, String reviewDate) {
        this(formToken, version, direction, subjectName, subjectDateOfBirth, subjectReference, information, categories, marking,
                urgency, purpose, necessity, lawfulBasis, article9Condition, article10Condition, statutoryGateway, consentSought,
                consentNotSought, consentNotSoughtOther, consentGivenBy, consentCapacity, consentLimits, consentWithdrawn, adviceFrom,
                adviceSummary, decision, decisionReasons, channel, recipientEntry, recipientType, recipientOrganisation, recipientName,
                recipientJobTitle, recipientDepartment, recipientTelephone, recipientEmail, recipientAddress, numberGiven,
                personInformed, personInformedOn, personNotInformedWhy, reviewDate, null);
    }


    /**
     * The defaults of a blank page: we share, routine, personal information, by telephone. The marking
     * and the lawful basis are left to choose: a preset there would be stored on records (an emergency
     * share's above all) whose author never looked at it.
     */
    static ShareForm blank(String token) {
        return blank(token, "ROUTINE");
    }

    /**
     * "Record an emergency share" from the home page: the person chose the emergency by following
     * that link, so the urgency is theirs, shown on the form, not a silent default.
     */
    static ShareForm emergency(String token) {
        return blank(token, "EMERGENCY");
    }

    /**
     * "Record a telephone request" from the home page: a caller asked for information. The person
     * chose that by following the link, so the direction and the channel are theirs, shown checked
     * on the form for them to change, not silent defaults.
     */
    static ShareForm telephoneRequest(String token) {
        return blank(token, "ROUTINE", "REQUEST_RECEIVED");
    }

    private static ShareForm blank(String token, String urgency) {
        return blank(token, urgency, "WE_SHARE");
    }

    private static ShareForm blank(String token, String urgency, String direction) {
        return new ShareForm(token, "", direction, null, null, null, "", List.of("PERSONAL"), "", urgency, "", "",
                "", "", "", "", "", "", "", "", "", "", "", "NONE", "", "SHARE", "", "TELEPHONE", "", "", "", "", "", "",
                "", "", "", "", "", "", "", "");
    }

    /** Two rows of people on the page at least, so a second person needs no extra step. */
    private static List<String> pad(List<String> values) {
        List<String> padded = new ArrayList<>(values == null ? List.of() : values);
        while (padded.size() < 2) {
            padded.add("");
        }
        return List.copyOf(padded.stream().map(v -> v == null ? "" : v).toList());
    }

    /** This form with the recipient's details replaced, as "Use this contact" fills them from the directory. */
    ShareForm withRecipient(String type, String organisation, String name, String jobTitle, String department, String telephone) {
        return new ShareForm(formToken, version, direction, subjectName, subjectDateOfBirth, subjectReference, information, categories,
                marking, urgency, purpose, necessity, lawfulBasis, article9Condition, article10Condition, statutoryGateway, consentSought,
                consentNotSought, consentNotSoughtOther, consentGivenBy, consentCapacity, consentLimits, consentWithdrawn, adviceFrom,
                adviceSummary, decision, decisionReasons, channel, recipientEntry, type, organisation, name, jobTitle, department,
                telephone, recipientEmail, recipientAddress, numberGiven, personInformed, personInformedOn, personNotInformedWhy,
                reviewDate, subjectNhsNumber);
    }

    /** This form with the number the caller gave, as the directory holds it when they rang from that number. */
    ShareForm withNumberGiven(String number) {
        return new ShareForm(formToken, version, direction, subjectName, subjectDateOfBirth, subjectReference, information, categories,
                marking, urgency, purpose, necessity, lawfulBasis, article9Condition, article10Condition, statutoryGateway, consentSought,
                consentNotSought, consentNotSoughtOther, consentGivenBy, consentCapacity, consentLimits, consentWithdrawn, adviceFrom,
                adviceSummary, decision, decisionReasons, channel, recipientEntry, recipientType, recipientOrganisation, recipientName,
                recipientJobTitle, recipientDepartment, recipientTelephone, recipientEmail, recipientAddress, number, personInformed,
                personInformedOn, personNotInformedWhy, reviewDate, subjectNhsNumber);
    }

    /** This form with the situation answered on "How should I share this?" (categories of information, never personal data). */
    ShareForm withSituation(String marking, String urgency, List<String> categories, String recipientType, String channel) {
        return new ShareForm(formToken, version, direction, subjectName, subjectDateOfBirth, subjectReference, information, categories,
                marking, urgency, purpose, necessity, lawfulBasis, article9Condition, article10Condition, statutoryGateway, consentSought,
                consentNotSought, consentNotSoughtOther, consentGivenBy, consentCapacity, consentLimits, consentWithdrawn, adviceFrom,
                adviceSummary, decision, decisionReasons, channel, recipientEntry, recipientType, recipientOrganisation, recipientName,
                recipientJobTitle, recipientDepartment, recipientTelephone, recipientEmail, recipientAddress, numberGiven, personInformed,
                personInformedOn, personNotInformedWhy, reviewDate, subjectNhsNumber);
    }

    /** This form with one row of people replaced, as "Use these details" fills it from the register. */
    ShareForm withPerson(int row, String name, String dateOfBirth, String reference, String nhsNumber) {
        return new ShareForm(formToken, version, direction, set(subjectName, row, name), set(subjectDateOfBirth, row, dateOfBirth),
                set(subjectReference, row, reference), information, categories, marking, urgency, purpose, necessity, lawfulBasis,
                article9Condition, article10Condition, statutoryGateway, consentSought, consentNotSought, consentNotSoughtOther,
                consentGivenBy, consentCapacity, consentLimits, consentWithdrawn, adviceFrom, adviceSummary, decision, decisionReasons,
                channel, recipientEntry, recipientType, recipientOrganisation, recipientName, recipientJobTitle, recipientDepartment,
                recipientTelephone, recipientEmail, recipientAddress, numberGiven, personInformed, personInformedOn, personNotInformedWhy,
                reviewDate, set(subjectNhsNumber, row, nhsNumber));
    }

    private static List<String> set(List<String> values, int row, String value) {
        List<String> changed = new ArrayList<>(values);
        while (changed.size() <= row) {
            changed.add("");
        }
        changed.set(row, value);
        return changed;
    }

    String subjectNameAt(int i) {
        return subjectName.get(i);
    }
}
