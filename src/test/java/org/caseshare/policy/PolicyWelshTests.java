package org.caseshare.policy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy carries a Welsh rendering beside every text staff read (text-cy, because-cy,
 * advice-cy, title-cy); Welsh pages show it, English pages and the guide's quotes never change.
 */
class PolicyWelshTests {

    private static final Locale WELSH = Locale.forLanguageTag("cy");
    private static final Policy DEFAULT = PolicyLoader.defaultPolicy();

    @Test
    void theDefaultPolicyHasWelshForEverythingItShowsStaff() {
        assertThat(DEFAULT.titleFor(WELSH)).isEqualTo("Sut i rannu gwybodaeth bersonol yn ddiogel, fesul achos");
        assertThat(DEFAULT.titleFor(Locale.ENGLISH)).isEqualTo(DEFAULT.title());
        for (Safeguard safeguard : DEFAULT.safeguards()) {
            assertThat(safeguard.textWelsh()).as(safeguard.id()).isPresent();
            assertThat(safeguard.textFor(WELSH)).as(safeguard.id()).isNotEqualTo(safeguard.text());
            assertThat(safeguard.textFor(Locale.ENGLISH)).isEqualTo(safeguard.text());
        }
        for (Reason reason : DEFAULT.ruleReasons()) {
            assertThat(reason.becauseWelsh()).as(reason.ruleId()).isPresent();
            assertThat(reason.becauseFor(WELSH)).as(reason.ruleId()).isNotEqualTo(reason.because());
            assertThat(reason.becauseFor(Locale.UK)).isEqualTo(reason.because());
        }
        Assessment emergency = DEFAULT.assess(new SharingSituation(Marking.SECRET, java.util.Optional.empty(), Urgency.EMERGENCY,
                java.util.Set.of(InformationCategory.CHILD_SAFEGUARDING), OrganisationType.COUNCIL, OrganisationType.POLICE, 1));
        assertThat(emergency.advice()).isNotEmpty().allSatisfy(advice -> {
            assertThat(DEFAULT.adviceFor(advice, WELSH)).as(advice).isNotEqualTo(advice);
            assertThat(DEFAULT.adviceFor(advice, Locale.ENGLISH)).isEqualTo(advice);
        });
    }

    @Test
    void aPolicyWithoutWelshShowsItsEnglishOnWelshPages() {
        // The default without its Welsh: each '-cy' field and the folded lines that follow it.
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        int indent = 0;
        for (String line : DEFAULT.text().split("\n", -1)) {
            int lineIndent = line.length() - line.stripLeading().length();
            if (skipping && !line.isBlank() && lineIndent > indent) {
                continue;
            }
            skipping = line.strip().matches("(text|because|advice|title)-cy:.*");
            indent = lineIndent;
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        Policy plain = new PolicyLoader().load(kept.toString()).policy().orElseThrow();
        Safeguard purpose = plain.safeguard("recipient.purpose").orElseThrow();
        assertThat(purpose.textWelsh()).isEmpty();
        assertThat(purpose.textFor(WELSH)).isEqualTo(purpose.text());
        assertThat(plain.ruleReasons().get(0).becauseFor(WELSH)).isEqualTo(plain.ruleReasons().get(0).because());
        assertThat(plain.titleFor(WELSH)).isEqualTo(plain.title());
    }
}
