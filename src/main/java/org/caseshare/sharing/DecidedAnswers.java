package org.caseshare.sharing;

import java.util.List;
import java.util.Optional;

import org.caseshare.decision.SituationInput;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;

/**
 * "Record a share by …" on the answer of "How should I share this?": the answers given there carried
 * into a new form with one button. They are kinds of things (a marking, an urgency, kinds of
 * information, a type of organisation, a channel), never personal data, so they may travel in the
 * link. Each is checked against the policy's own lists; one that is not on them is dropped, for the
 * person to choose, never guessed. The form says where they came from, so nothing is filled silently.
 */
record DecidedAnswers(String marking, String urgency, List<String> categories, String recipientType, String channel) {

    /** The answers that are on the policy's lists; empty when none is. */
    static Optional<DecidedAnswers> read(String marking, String urgency, List<String> categories, String recipientType, String channel) {
        DecidedAnswers answers = new DecidedAnswers(marking(marking), name(Urgency.class, urgency),
                (categories == null ? List.<String>of() : categories).stream()
                        .map(c -> name(InformationCategory.class, c)).filter(c -> !c.isEmpty()).distinct().toList(),
                name(OrganisationType.class, recipientType), name(Channel.class, channel));
        boolean any = !answers.marking.isEmpty() || !answers.urgency.isEmpty() || !answers.categories.isEmpty()
                || !answers.recipientType.isEmpty() || !answers.channel.isEmpty();
        return any ? Optional.of(answers) : Optional.empty();
    }

    /** A new form for a share of this situation: the page's own defaults for what was not answered. */
    ShareForm form(String token) {
        ShareForm blank = urgency.equals(Urgency.EMERGENCY.name()) ? ShareForm.emergency(token) : ShareForm.blank(token);
        return blank.withSituation(marking, or(urgency, blank.urgency()), categories.isEmpty() ? blank.categories() : categories,
                recipientType, or(channel, blank.channel()));
    }

    /** "OFFICIAL", or "OFFICIAL_SENSITIVE:PERSONAL" as the form's marking list writes a descriptor; "" when not a marking. */
    private static String marking(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] parts = text.split(":", 2);
        Optional<Marking> marking = SituationInput.choice(Marking.class, parts[0]);
        if (marking.isEmpty()) {
            return "";
        }
        if (parts.length == 1) {
            return marking.get().name();
        }
        Optional<Marking.Descriptor> descriptor = SituationInput.choice(Marking.Descriptor.class, parts[1]);
        return marking.get() == Marking.OFFICIAL_SENSITIVE && descriptor.isPresent()
                ? marking.get().name() + ":" + descriptor.get().name() : "";
    }

    private static <E extends Enum<E>> String name(Class<E> type, String text) {
        return SituationInput.choice(type, text).map(Enum::name).orElse("");
    }

    private static String or(String answered, String otherwise) {
        return answered.isEmpty() ? otherwise : answered;
    }
}
