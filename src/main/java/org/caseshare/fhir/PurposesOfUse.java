package org.caseshare.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;

/**
 * The record's purpose, which practitioners type in their own words, matched to an HL7 v3
 * PurposeOfUse code only where the words make the code plain; otherwise the purpose goes as text and
 * nobody's reason is forced into a code that misstates it.
 */
final class PurposesOfUse {

    static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private record Rule(List<String> words, String code, String display) {
    }

    // First match wins: a share to protect someone from harm is THREAT even if it also mentions care.
    private static final List<Rule> RULES = List.of(
            new Rule(List.of("safeguard", "protect", "harm", "abuse", "neglect", "risk", "danger", "threat", "exploitation"),
                    "THREAT", "threat"),
            new Rule(List.of("public health", "outbreak"), "PUBHLTH", "public health"),
            new Rule(List.of("emergency treatment", "emergency care"), "ETREAT", "Emergency Treatment"),
            new Rule(List.of("coordinat", "joint care", "care plan"), "COC", "coordination of care"),
            new Rule(List.of("treatment", "clinical care", "medical care"), "TREAT", "treatment"),
            new Rule(List.of("court", "legal proceedings", "litigation"), "HLEGAL", "legal"));

    private PurposesOfUse() {
    }

    static Optional<Coding> of(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return Optional.empty();
        }
        String text = purpose.toLowerCase(Locale.ROOT);
        return RULES.stream().filter(rule -> rule.words().stream().anyMatch(text::contains)).findFirst()
                .map(rule -> new Coding(SYSTEM, rule.code(), rule.display()));
    }
}
