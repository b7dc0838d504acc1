package org.caseshare.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facts the policy decides on: how the information is marked, how urgent the case is, what
 * kinds of information are involved, who is sharing with whom, and how many records.
 *
 * @param marking the protective marking on the information (old or current scheme)
 * @param descriptor the OFFICIAL-SENSITIVE descriptor, if any
 * @param urgency how quickly it is needed
 * @param categories the kinds of information involved, at least one
 * @param sender the kind of organisation sharing
 * @param recipient the kind of organisation receiving
 * @param recordCount how many people's records are involved, at least 1
 */
public record SharingSituation(Marking marking, Optional<Marking.Descriptor> descriptor, Urgency urgency,
        Set<InformationCategory> categories, OrganisationType sender, OrganisationType recipient,
        int recordCount) {

    public SharingSituation {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("say what kind of information is shared (at least PERSONAL)");
        }
        categories = Set.copyOf(categories);
        if (descriptor.isPresent() && marking != Marking.OFFICIAL_SENSITIVE) {
            throw new IllegalArgumentException("a descriptor such as " + descriptor.get()
                    + " only goes with OFFICIAL-SENSITIVE, not " + marking.label());
        }
        if (recordCount < 1) {
            throw new IllegalArgumentException("a share involves at least one record, not " + recordCount);
        }
    }

    /** Starts a situation with the common defaults: routine, personal information, council to council, one record. */
    public static Builder marked(Marking marking) {
        return new Builder(marking);
    }

    /** Fluent construction for pages and tests; the record's constructor still validates. */
    public static final class Builder {
        private final Marking marking;
        private Marking.Descriptor descriptor;
        private Urgency urgency = Urgency.ROUTINE;
        private final Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        private OrganisationType sender = OrganisationType.COUNCIL;
        private OrganisationType recipient = OrganisationType.COUNCIL;
        private int recordCount = 1;

        private Builder(Marking marking) {
            this.marking = marking;
        }

        public Builder descriptor(Marking.Descriptor value) {
            this.descriptor = value;
            return this;
        }

        public Builder urgency(Urgency value) {
            this.urgency = value;
            return this;
        }

        public Builder categories(Set<InformationCategory> values) {
            this.categories.addAll(values);
            return this;
        }

        public Builder category(InformationCategory value) {
            this.categories.add(value);
            return this;
        }

        public Builder from(OrganisationType value) {
            this.sender = value;
            return this;
        }

        public Builder to(OrganisationType value) {
            this.recipient = value;
            return this;
        }

        public Builder records(int value) {
            this.recordCount = value;
            return this;
        }

        public SharingSituation build() {
            Set<InformationCategory> chosen = categories.isEmpty()
                    ? EnumSet.of(InformationCategory.PERSONAL) : categories;
            return new SharingSituation(marking, Optional.ofNullable(descriptor), urgency, chosen,
                    sender, recipient, recordCount);
        }
    }
}
