package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bullet of the guide must reach at least one safeguard of the default policy, and every
 * quote the policy attributes to the guide must really be in it.
 */
class GuideTraceabilityTests {

    private final Policy policy = PolicyLoader.defaultPolicy();

    @Test
    void theGuideHasTheBulletsWeExpect() {
        // Guards the bullet reader itself: if it found too few, every other check would be hollow.
        List<String> bullets = GuideText.bullets();
        assertThat(bullets).hasSize(45);
        assertThat(bullets).contains("Take a contact telephone number, preferably a main switchboard"
                + " number. Try to avoid a direct line or mobile telephone number wherever possible. If you"
                + " are in any doubt, confirm the requestor's identity with their organisation.");
        assertThat(bullets).anySatisfy(b -> assertThat(b).endsWith("A charge may be made for non ICT"
                + " Traded Service schools."));
    }

    @TestFactory
    Stream<DynamicTest> everyBulletHasASafeguard() {
        return GuideText.bullets().stream().map(bullet -> DynamicTest.dynamicTest(
                bullet.substring(0, Math.min(70, bullet.length())),
                () -> assertThat(safeguardsTracingTo(bullet))
                        .as("safeguards quoting the bullet: %s", bullet)
                        .isNotEmpty()));
    }

    @Test
    void everyGuideQuoteOfASafeguardIsInTheGuide() {
        String guide = GuideText.wholeText();
        List<String> missing = new ArrayList<>();
        for (Safeguard safeguard : policy.safeguards()) {
            // Short quotes could match bullets they do not come from.
            assertThat(safeguard.guideQuotes()).allSatisfy(q -> assertThat(q).hasSizeGreaterThan(15));
            safeguard.guideQuotes().stream()
                    .filter(q -> !guide.contains(GuideText.normalise(q)))
                    .forEach(q -> missing.add(safeguard.id() + ": " + q));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleCitingTheGuideQuotesItExactly() {
        String guide = GuideText.wholeText();
        List<Reason> citingGuide = policy.ruleReasons().stream()
                .filter(r -> r.source() == Reason.Source.GUIDE).toList();
        assertThat(citingGuide).isNotEmpty();
        assertThat(citingGuide).allSatisfy(r -> assertThat(guide)
                .as("rule %s quotes the guide", r.ruleId())
                .contains(GuideText.normalise(r.passage())));
    }

    @Test
    void theNamedSafeguardsOfTheBriefExist() {
        assertThat(policy.safeguards()).extracting(Safeguard::id).contains(
                "telephone.verify-requester", "telephone.call-back-switchboard", "post.double-envelope",
                "email.password-separately", "fax.recipient-waiting", "hub.personal-login",
                "device.delete-after-use", "laptop.encrypted", "fax-receiving.on-hand",
                "recipient.purpose", "recipient.consent-limits", "recipient.further-handling",
                "general.risk-based", "general.consult-if-unsure", "general.record-sharing");
    }

    private List<String> safeguardsTracingTo(String bullet) {
        return policy.safeguards().stream()
                .filter(s -> s.guideQuotes().stream().anyMatch(q -> bullet.contains(GuideText.normalise(q))))
                .map(Safeguard::id)
                .toList();
    }
}
