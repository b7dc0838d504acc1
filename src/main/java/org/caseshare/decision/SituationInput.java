package org.caseshare.decision;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.caseshare.directory.OrganisationKind;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.SharingSituation;
import org.caseshare.policy.Urgency;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A sharing situation as a person or a program describes it, in words, checked field by field: the
 * page and the API give the same answers and the same messages. Values are read as people write
 * them: case, spaces, hyphens and underscores do not matter ("special-category", "SPECIAL_CATEGORY").
 *
 * @param marking the protective marking, e.g. "OFFICIAL-SENSITIVE" or an old one such as "RESTRICTED"
 * @param descriptor PERSONAL, COMMERCIAL or LOCSEN, only with OFFICIAL-SENSITIVE; null or blank for none
 * @param urgency routine, urgent or emergency
 * @param categories the kinds of information involved, at least one
 * @param recipient the kind of organisation receiving it
 * @param sender the kind of organisation sharing it; null or blank for the caller's own
 * @param records how many people's records, a whole number from 1
 */
public record SituationInput(String marking, String descriptor, String urgency, List<String> categories, String recipient,
        String sender, String records) {

    /** Fields in the order a form lists them, so errors are summarised in that order. */
    public static final List<String> FIELDS = List.of("marking", "descriptor", "urgency", "categories", "recipient", "sender", "records");

    /**
     * A valid situation, or one message per field that is wrong: {@code texts} in the reader's
     * language for pages, {@code errors} the same in English for the API.
     */
    public record Parsed(Optional<SharingSituation> situation, Map<String, String> errors, Map<String, Text> texts) {

        Parsed(Optional<SharingSituation> situation, Map<String, Text> texts) {
            this(situation, english(texts), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts)));
        }

        private static Map<String, String> english(Map<String, Text> texts) {
            Map<String, String> english = new LinkedHashMap<>();
            texts.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
            return english;
        }
    }

    public Parsed parse(OrganisationType defaultSender) {
        Map<String, Text> errors = new LinkedHashMap<>();
        Optional<Marking> chosenMarking = blank(marking) ? Optional.empty() : Marking.fromLabel(marking);
        if (chosenMarking.isEmpty()) {
            errors.put("marking", blank(marking) ? Text.of("decision.situation.marking.missing")
                    : Text.of("decision.situation.marking.unknown"));
        }
        Marking.Descriptor chosenDescriptor = null;
        if (!blank(descriptor)) {
            Optional<Marking.Descriptor> parsedDescriptor = choice(Marking.Descriptor.class, descriptor);
            if (parsedDescriptor.isEmpty()) {
                errors.put("descriptor", Text.of("decision.situation.descriptor.unknown"));
            } else if (chosenMarking.isPresent() && chosenMarking.get() != Marking.OFFICIAL_SENSITIVE) {
                errors.put("descriptor", Text.of("decision.situation.descriptor.not-official-sensitive",
                        parsedDescriptor.get().name(), chosenMarking.get().label()));
            } else {
                chosenDescriptor = parsedDescriptor.get();
            }
        }
        Optional<Urgency> chosenUrgency = choice(Urgency.class, urgency);
        if (chosenUrgency.isEmpty()) {
            errors.put("urgency", blank(urgency) ? Text.of("decision.situation.urgency.missing")
                    : Text.of("decision.situation.urgency.unknown"));
        }
        Set<InformationCategory> chosenCategories = EnumSet.noneOf(InformationCategory.class);
        for (String category : categories == null ? List.<String>of() : categories) {
            Optional<InformationCategory> parsedCategory = choice(InformationCategory.class, category);
            if (parsedCategory.isEmpty()) {
                errors.putIfAbsent("categories", Text.of("decision.situation.categories.unknown"));
            }
            parsedCategory.ifPresent(chosenCategories::add);
        }
        if (chosenCategories.isEmpty()) {
            errors.putIfAbsent("categories", Text.of("decision.situation.categories.missing"));
        }
        Optional<OrganisationType> chosenRecipient = choice(OrganisationType.class, recipient);
        if (chosenRecipient.isEmpty()) {
            errors.put("recipient", blank(recipient) ? Text.of("decision.situation.recipient.missing")
                    : Text.of("decision.situation.organisation.unknown"));
        }
        Optional<OrganisationType> chosenSender = blank(sender) ? Optional.of(defaultSender)
                : choice(OrganisationType.class, sender);
        if (chosenSender.isEmpty()) {
            errors.put("sender", Text.of("decision.situation.organisation.unknown"));
        }
        int count = 0;
        if (blank(records)) {
            errors.put("records", Text.of("decision.situation.records.missing"));
        } else {
            try {
                count = Integer.parseInt(records.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                errors.put("records", Text.of("decision.situation.records.not-a-number"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(Optional.empty(), errors);
        }
        return new Parsed(Optional.of(new SharingSituation(chosenMarking.get(), Optional.ofNullable(chosenDescriptor),
                chosenUrgency.get(), chosenCategories, chosenSender.get(), chosenRecipient.get(), count)), Map.of(), Map.of());
    }

    /** The kind of organisation the policy sees for a directory entry; social care is a council service. */
    public static OrganisationType typeOf(OrganisationKind kind) {
        return switch (kind) {
            case COUNCIL, SOCIAL_CARE -> OrganisationType.COUNCIL;
            case SCHOOL -> OrganisationType.SCHOOL;
            case HEALTH -> OrganisationType.HEALTH;
            case POLICE -> OrganisationType.POLICE;
            case VOLUNTARY -> OrganisationType.VOLUNTARY;
            case OTHER -> OrganisationType.OTHER;
        };
    }

    /** An enum constant named as people write it: "special-category", "Special category", "SPECIAL_CATEGORY". */
    public static <E extends Enum<E>> Optional<E> choice(Class<E> type, String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        String wanted = normalise(text);
        for (E constant : type.getEnumConstants()) {
            if (normalise(constant.name()).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
