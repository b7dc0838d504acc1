package org.caseshare.identity;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** NIST SP 800-63B's rules for chosen passwords: length, no composition rules, no common or breached ones. */
class PasswordRulesProperties {

    private static final List<String> WORDS = List.of("amber", "kettle", "orchard", "lantern", "harbour", "quiet", "canal",
            "velvet", "pebble", "thistle", "copper", "meadow", "violin", "saddle", "walnut", "glacier", "biscuit", "falcon");

    @Property
    void anyPasswordShorterThanTheMinimumIsRefused(@ForAll @StringLength(max = PasswordRules.MIN_LENGTH - 1) String password) {
        assertThat(PasswordRules.problem(password, "jo@example.org")).isNotNull();
    }

    @Property
    void anyPasswordLongerThanTheMaximumIsRefused(@ForAll @StringLength(min = PasswordRules.MAX_LENGTH + 1, max = 400) String password) {
        assertThat(PasswordRules.problem(password, "jo@example.org")).isEqualTo("Password must be 128 characters or fewer");
    }

    /** Length over composition: four random words in lower case with spaces pass, with no digit, capital or symbol. */
    @Property(tries = 200)
    void fourUnrelatedWordsPassWithoutAnyCompositionRule(@ForAll("fourWords") String password) {
        assertThat(PasswordRules.problem(password, "jo@example.org", "Jo Bloggs")).isNull();
    }

    @Property(tries = 200)
    void anyAcceptedPasswordIsAtLeastTheMinimumLength(@ForAll @StringLength(max = 40) String password) {
        if (PasswordRules.problem(password, "jo@example.org") == null) {
            assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(PasswordRules.MIN_LENGTH);
        }
    }

    @Provide
    Arbitrary<String> fourWords() {
        return Arbitraries.of(WORDS).list().ofSize(4).uniqueElements().map(words -> String.join(" ", words));
    }

    @Example
    void commonAndBreachedPasswordsAreRefusedInPlainEnglish() {
        for (String common : List.of("password1234", "Password1234!", "qwertyuiop123", "iloveyou2026", "P@ssw0rd12345",
                "correct horse battery staple", "aaaaaaaaaaaaaaaa", "abcdefghijkl", "123456789012", "trustno1trustno1")) {
            assertThat(PasswordRules.problem(common, "jo@example.org")).as(common).isEqualTo(PasswordRules.TOO_COMMON)
                    .startsWith("This password is too common");
        }
    }

    @Example
    void thePersonsEmailAddressOrNameIsRefused() {
        assertThat(PasswordRules.problem("robin.hartley lantern harbour", "robin.hartley@council.example.org"))
                .isEqualTo("Password must not contain your name or email address");
        assertThat(PasswordRules.problem("my quiet hartley kettle", "rh@council.example.org", "Robin Hartley"))
                .isEqualTo("Password must not contain your name or email address");
        assertThat(PasswordRules.problem("quiet velvet pebble canal", "rh@council.example.org", "Robin Hartley")).isNull();
    }

    @Example
    void spacesAndAnyCharactersAreAllowedUpToTheMaximum() {
        assertThat(PasswordRules.problem("ünïcödé wörds ✓ fjord ember lunar", "jo@example.org")).isNull();
        assertThat(PasswordRules.problem("x".repeat(0) + "velvet pebble thistle copper meadow ".repeat(3).strip(), "jo@example.org")).isNull();
    }
}
