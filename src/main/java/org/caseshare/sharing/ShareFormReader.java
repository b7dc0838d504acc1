package org.caseshare.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.decision.InForce;
import org.caseshare.decision.PolicyVersions;
import org.caseshare.decision.SituationInput;
import org.caseshare.directory.ContactPoint;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.NamedContact;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.Channel;
import org.caseshare.policy.ChannelOutcome;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Safeguard;
import org.caseshare.policy.SharingSituation;
import org.caseshare.policy.Urgency;
import org.caseshare.system.Catalogue;
import org.caseshare.system.PlainText;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link ShareForm} field by field with GOV.UK messages, fills a recipient picked from the
 * directory, and asks the organisation's policy about the chosen channel. An emergency share the
 * policy lets go first needs only the minimal record: who, what, to whom, how, when and why.
 */
@Component
class ShareFormReader {

    private static final int LONG_TEXT = 2000;
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The form read: either errors, or the content and the policy's answer for it. */
    record Read(Map<String, String> errors, Optional<Assessment> assessment, SharingRecord.Content content,
            SharingRecord.PolicyAnswer answer, InForce inForce) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final PolicyVersions policies;
    private final Directory directory;
    private final Clock clock;

    /** The record's checklist in words: each required safeguard as the organisation's policy states it now. */
    List<org.caseshare.policy.Safeguard> checklist(SharingRecord record) {
        var policy = policies.current(record.organisationId()).policy();
        List<org.caseshare.policy.Safeguard> list = new java.util.ArrayList<>();
        for (String id : record.policy().requiredSafeguards()) {
            list.add(policy.safeguard(id).orElseGet(() -> new org.caseshare.policy.Safeguard(id, id, java.util.Set.of(), List.of(),
                    java.util.Optional.of("policy version " + record.policy().version().number()))));
        }
        return list;
    }

    ShareFormReader(PolicyVersions policies, Directory directory, Clock clock) {
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
    }

    Read read(ShareForm form, UUID organisationId) {
        Read read = read(form, organisationId, false);
        // Said in the request's language, as the form's other errors are.
        Map<String, String> invisible = new LinkedHashMap<>();
        PlainText.texts(form).forEach((field, text) -> invisible.put(field, text.resolve()));
        if (invisible.isEmpty()) {
            return read;
        }
        // A control or text-direction character is the problem to fix first in its field.
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        errors.putAll(invisible);
        return new Read(errors, read.assessment(), null, null, read.inForce());
    }

    /** The policy's assessment for what the form says so far, to show beside the channel choice. */
    Optional<Assessment> assessment(ShareForm form, UUID organisationId) {
        return read(form, organisationId, true).assessment();
    }

    private Read read(ShareForm typed, UUID organisationId, boolean assessOnly) {
        // Stored in NFC, so a name typed with combining accents is the same name as one typed composed.
        ShareForm form = PlainText.composed(typed);
        Map<String, String> errors = new LinkedHashMap<>();
        InForce inForce = policies.current(organisationId);
        Direction direction = SituationInput.choice(Direction.class, form.direction()).orElse(null);
        if (direction == null) {
            errors.put("direction", say("sharing.error.direction"));
        }
        List<Subject> subjects = subjects(form, errors);
        String information = text(form.information(), "information", say("sharing.error.information"), errors);

        // The recipient, with what a directory pick fills in.
        DirectoryEntry entry = null;
        NamedContact contact = null;
        if (!blank(form.recipientEntry())) {
            String[] parts = form.recipientEntry().split(":", 2);
            entry = uuid(parts[0]).flatMap(id -> directory.entry(organisationId, id)).orElse(null);
            if (entry == null) {
                errors.put("recipientEntry", say("sharing.error.recipient-entry"));
            } else if (parts.length > 1) {
                contact = uuid(parts[1]).flatMap(entry::contactPoint).flatMap(p -> p.details(NamedContact.class)).orElse(null);
            }
        }
        String recipientType = entry != null ? SituationInput.typeOf(entry.kind()).name() : form.recipientType();
        if (assessOnly && blank(recipientType)) {
            // Beside a blank form the policy is shown for the commonest case, a council recipient.
            recipientType = OrganisationType.COUNCIL.name();
        }
        OrganisationType sender = directory.organisation(organisationId).map(o -> SituationInput.typeOf(o.kind())).orElse(OrganisationType.COUNCIL);
        String chosenMarking = form.marking() == null ? "" : form.marking();
        if (assessOnly && blank(chosenMarking)) {
            // Beside a form whose marking is still to choose, the channels show the policy for OFFICIAL,
            // the commonest; nothing is stored from this.
            chosenMarking = "OFFICIAL";
        }
        String[] marking = chosenMarking.split(":", 2);
        String situationRecipient = recipientType;
        SituationInput.Parsed situation = new SituationInput(marking[0], marking.length > 1 ? marking[1] : null, form.urgency(),
                form.categories(), situationRecipient, null, "1").parse(sender);
        boolean picked = entry != null;
        // In the reader's language, as every other error of this form (the decision module keeps both).
        situation.texts().forEach((field, message) -> errors.putIfAbsent(switch (field) {
            case "descriptor" -> "marking";
            case "recipient" -> picked ? "recipientEntry" : "recipientType";
            default -> field;
        }, field.equals("recipient") ? say("sharing.error.recipient-type") : message.resolve()));

        String purpose = text(form.purpose(), "purpose", say("sharing.error.purpose"), errors);
        Decision decision = SituationInput.choice(Decision.class, form.decision()).orElse(null);
        if (decision == null) {
            errors.put("decision", say("sharing.error.decision"));
        }
        Channel channel = SituationInput.choice(Channel.class, form.channel()).orElse(null);
        if (channel == null) {
            errors.put("channel", say("sharing.error.channel"));
        }
        Optional<Assessment> assessment = situation.situation().map(s -> inForce.policy().assess(s));
        ChannelOutcome outcome = assessment.isPresent() && channel != null ? assessment.get().outcome(channel) : null;
        if (outcome != null && !outcome.isAllowed() && decision != null && decision.shares()) {
            errors.put("channel", say("sharing.error.channel.not-allowed", say("sharing.error.channel.by." + channel.name())));
        }
        // An emergency share the policy lets go first needs only the minimal record. While the policy
        // cannot answer yet (the marking or the channel is still to choose), an emergency is not told
        // to fill the fields that can wait: it is asked for those once the policy says they are needed.
        boolean emergency = SituationInput.choice(Urgency.class, form.urgency()).orElse(null) == Urgency.EMERGENCY
                && (decision == null || decision.shares());
        boolean minimal = emergency && (outcome == null || outcome.minimalRecordFirst());

        SharingDetails details = details(form, decision, situation.situation().orElse(null), minimal, errors);
        String reasons = minimal ? optional(form.decisionReasons(), "decisionReasons", errors)
                : text(form.decisionReasons(), "decisionReasons", say("sharing.error.decision-reasons"), errors);

        Recipient recipient = recipient(form, entry, contact, channel, direction, minimal, organisationId, errors);
        String numberGiven = null;
        String numberCheck = null;
        if (direction == Direction.REQUEST_RECEIVED && channel == Channel.TELEPHONE) {
            if (blank(form.numberGiven())) {
                errors.put("numberGiven", say("sharing.error.number-given"));
            } else {
                try {
                    numberGiven = TelephoneNumber.parse(form.numberGiven()).display();
                    numberCheck = entry == null ? "NOT_IN_DIRECTORY"
                            : directory.checkTelephone(organisationId, entry.id(), form.numberGiven()).verdict().name();
                } catch (IllegalArgumentException e) {
                    errors.put("numberGiven", e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Read(errors, assessment, null, null, inForce);
        }
        SharingSituation facts = situation.situation().orElseThrow();
        SharingRecord.Content content = new SharingRecord.Content(direction, subjects, information, facts.categories(), facts.marking(),
                facts.descriptor().orElse(null), facts.urgency(), purpose, details, decision, reasons, channel, recipient, numberGiven, numberCheck,
                facts.recipient());
        SharingRecord.PolicyAnswer answer = new SharingRecord.PolicyAnswer(inForce.version(),
                outcome.safeguards().stream().map(Safeguard::id).toList(), outcome.authoriser(), summary(assessment.get(), outcome),
                minimal);
        return new Read(errors, assessment, content, answer, inForce);
    }

    private static String summary(Assessment assessment, ChannelOutcome outcome) {
        return outcome.channel().displayName() + ": " + outcome.verdict().displayName()
                + "; handled as " + assessment.handledAs().label()
                + outcome.authoriser().map(a -> "; authoriser " + a.displayName()).orElse("")
                + (outcome.minimalRecordFirst() ? "; emergency: minimal record first" : "")
                + "; rules " + String.join(", ", outcome.reasons().stream().map(r -> r.ruleId()).distinct().toList());
    }

    private List<Subject> subjects(ShareForm form, Map<String, String> errors) {
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < form.subjectName().size(); i++) {
            String name = form.subjectName().get(i);
            String dob = i < form.subjectDateOfBirth().size() ? form.subjectDateOfBirth().get(i) : "";
            String reference = i < form.subjectReference().size() ? form.subjectReference().get(i) : "";
            String nhs = i < form.subjectNhsNumber().size() ? form.subjectNhsNumber().get(i) : "";
            if (blank(name) && blank(dob) && blank(reference) && blank(nhs)) {
                continue;
            }
            if (blank(name)) {
                errors.putIfAbsent("subjectName", say("sharing.error.subject.each-name"));
                continue;
            }
            if (name.strip().length() > 200 || (reference != null && reference.strip().length() > 100)) {
                errors.putIfAbsent("subjectName", say("sharing.error.subject.too-long"));
                continue;
            }
            LocalDate born = null;
            if (!blank(dob)) {
                born = date(dob).orElse(null);
                if (born == null) {
                    errors.putIfAbsent("subjectName", say("sharing.error.subject.born"));
                    continue;
                }
                if (born.isAfter(LocalDate.now(clock))) {
                    errors.putIfAbsent("subjectName", say("sharing.error.subject.born-future"));
                    continue;
                }
            }
            if (born == null && blank(reference)) {
                errors.putIfAbsent("subjectName", say("sharing.error.subject.born-or-reference", name.strip()));
                continue;
            }
            NhsNumber nhsNumber = null;
            if (!blank(nhs)) {
                nhsNumber = NhsNumber.parse(nhs).orElse(null);
                if (nhsNumber == null) {
                    errors.putIfAbsent("subjectName", say("sharing.error.subject.nhs", name.strip()));
                    continue;
                }
            }
            subjects.add(new Subject(name, born, reference, nhsNumber));
        }
        if (subjects.isEmpty()) {
            errors.putIfAbsent("subjectName", say("sharing.error.subject.name"));
        }
        return subjects;
    }

    private SharingDetails details(ShareForm form, Decision decision, SharingSituation situation, boolean minimal, Map<String, String> errors) {
        boolean shares = decision != null && decision.shares();
        String necessity = minimal ? optional(form.necessity(), "necessity", errors)
                : text(form.necessity(), "necessity", say("sharing.error.necessity"), errors);
        LawfulBasis basis = SituationInput.choice(LawfulBasis.class, form.lawfulBasis()).orElse(null);
        if (basis == null && shares && !minimal) {
            errors.put("lawfulBasis", say("sharing.error.lawful-basis"));
        }
        boolean special = situation != null && situation.categories().contains(InformationCategory.SPECIAL_CATEGORY);
        boolean criminal = situation != null && situation.categories().contains(InformationCategory.CRIMINAL_OFFENCE);
        String article9 = special && shares && !minimal ? text(form.article9Condition(), "article9Condition",
                say("sharing.error.article9"), errors)
                : optional(form.article9Condition(), "article9Condition", errors);
        String article10 = criminal && shares && !minimal ? text(form.article10Condition(), "article10Condition",
                say("sharing.error.article10"), errors)
                : optional(form.article10Condition(), "article10Condition", errors);
        String gateway = optional(form.statutoryGateway(), "statutoryGateway", errors);
        ConsentAnswer consent = ConsentAnswer.of(form.consentSought(), form.consentNotSought());
        Boolean sought = consent.sought();
        ConsentNotSought notSought = consent.notSought();
        if (sought == null && !minimal) {
            errors.put("consentSought", say("sharing.error.consent-sought"));
        } else if (Boolean.FALSE.equals(sought) && notSought == null && !minimal) {
            errors.put("consentNotSought", say("sharing.error.consent-not-sought"));
        } else if (notSought == ConsentNotSought.OTHER && blank(form.consentNotSoughtOther())) {
            errors.put("consentNotSought", say("sharing.error.consent-not-sought.other"));
        }
        if (Boolean.TRUE.equals(sought) && blank(form.consentGivenBy())) {
            errors.put("consentGivenBy", say("sharing.error.consent-given-by"));
        }
        AdviceFrom advice = SituationInput.choice(AdviceFrom.class, form.adviceFrom()).orElse(AdviceFrom.NONE);
        if (advice != AdviceFrom.NONE && blank(form.adviceSummary())) {
            errors.put("adviceSummary", say("sharing.error.advice"));
        }
        String informed = blank(form.personInformed()) ? null : form.personInformed().strip().toUpperCase(java.util.Locale.ROOT);
        if (informed == null && !minimal) {
            errors.put("personInformed", say("sharing.error.informed"));
        } else if (informed != null && !List.of("YES", "NO", "NOT_YET").contains(informed)) {
            errors.put("personInformed", say("sharing.error.informed.choice"));
        } else if (("NO".equals(informed) || "NOT_YET".equals(informed)) && blank(form.personNotInformedWhy())) {
            errors.put("personNotInformedWhy", say("sharing.error.not-informed-why"));
        }
        String informedOn = dateText(form.personInformedOn(), "personInformedOn", errors);
        String review = dateText(form.reviewDate(), "reviewDate", errors);
        return new SharingDetails(necessity, basis, article9, article10, gateway, sought, Boolean.FALSE.equals(sought) ? notSought : null,
                clean(form.consentNotSoughtOther()), clean(form.consentGivenBy()), clean(form.consentCapacity()), clean(form.consentLimits()),
                "yes".equalsIgnoreCase(form.consentWithdrawn()) || "true".equalsIgnoreCase(form.consentWithdrawn()), advice,
                clean(form.adviceSummary()), informed, informedOn, clean(form.personNotInformedWhy()), review);
    }

    private Recipient recipient(ShareForm form, DirectoryEntry entry, NamedContact contact, Channel channel, Direction direction,
            boolean minimal, UUID organisationId, Map<String, String> errors) {
        String organisation = orElse(form.recipientOrganisation(), entry == null ? null : entry.name());
        String name = orElse(form.recipientName(), contact == null ? null : contact.name());
        String jobTitle = orElse(form.recipientJobTitle(), contact == null ? null : contact.jobTitle());
        String department = orElse(form.recipientDepartment(), contact == null ? null : contact.department());
        String telephone = orElse(form.recipientTelephone(), contact != null && contact.telephone() != null ? contact.telephone().display()
                : entry == null ? null : directory.switchboardFor(organisationId, entry.id()).flatMap(p -> p.details(Switchboard.class))
                        .map(s -> s.number().display()).orElse(null));
        if (telephone == null && direction == Direction.REQUEST_RECEIVED && channel == Channel.TELEPHONE) {
            // the form says so beside the field: left blank, the number the caller gave is their number
            telephone = clean(form.numberGiven());
        }
        String email = orElse(form.recipientEmail(), contact != null && contact.email() != null ? contact.email().toString() : null);
        boolean asked = direction == Direction.REQUEST_RECEIVED;
        String who = asked ? "requester" : "recipient";
        if (organisation == null) {
            errors.put("recipientOrganisation", say("sharing.error.recipient-organisation." + who));
        } else if (organisation.length() > 200) {
            errors.put("recipientOrganisation", say("sharing.error.recipient-organisation.too-long"));
        }
        if (name == null) {
            errors.put("recipientName", say("sharing.error.recipient-name." + who));
        }
        if (!minimal && (channel == Channel.TELEPHONE || asked)) {
            if (jobTitle == null) {
                errors.put("recipientJobTitle", say("sharing.error.recipient-job-title." + who));
            }
            if (department == null) {
                errors.put("recipientDepartment", say("sharing.error.recipient-department." + who));
            }
        }
        if (telephone != null) {
            try {
                telephone = TelephoneNumber.parse(telephone).display();
            } catch (IllegalArgumentException e) {
                errors.put("recipientTelephone", e.getMessage());
            }
        } else if (channel == Channel.TELEPHONE || channel == Channel.FAX) {
            errors.put("recipientTelephone", say("sharing.error.recipient-telephone." + who));
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("recipientEmail", say("sharing.error.recipient-email.format"));
        } else if (email == null && channel == Channel.EMAIL) {
            errors.put("recipientEmail", say("sharing.error.recipient-email"));
        }
        String address = clean(form.recipientAddress());
        if (address == null && channel == Channel.POST) {
            errors.put("recipientAddress", say("sharing.error.recipient-address"));
        }
        if (errors.containsKey("recipientOrganisation") || errors.containsKey("recipientName")) {
            return null;
        }
        return new Recipient(entry == null ? null : entry.id(), organisation, name, jobTitle, department, telephone, email, address);
    }

    /**
     * A form error in the language of the request being served (English for the API unless its
     * caller asks otherwise): the words are in {@code i18n/sharing*.properties}.
     */
    private static String say(String code, Object... args) {
        return Catalogue.text(code, args);
    }

    private static String text(String value, String field, String missing, Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, missing);
            return null;
        }
        return optional(value, field, errors);
    }

    private static String optional(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        if (value.strip().length() > LONG_TEXT) {
            errors.putIfAbsent(field, say("sharing.error.too-long", LONG_TEXT));
        }
        return value.strip();
    }

    private static String dateText(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        Optional<LocalDate> date = date(value);
        if (date.isEmpty()) {
            errors.put(field, say("sharing.error.date"));
            return null;
        }
        return date.get().toString();
    }

    static Optional<LocalDate> date(String value) {
        String text = value.strip();
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String orElse(String typed, String fallback) {
        return blank(typed) ? (blank(fallback) ? null : fallback.strip()) : typed.strip();
    }

    private static String clean(String value) {
        return blank(value) ? null : value.strip();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The directory's entries and named contacts, for the recipient picker. */
    List<ContactPoint> contacts(DirectoryEntry entry) {
        return entry.contactPoints().stream().filter(p -> p.details(NamedContact.class).isPresent()).toList();
    }
}
