package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;
import org.caseshare.policy.Verdict;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing pages name values by key ({@code #messages.msg('sharing.status.' + s.name())}), which
 * MessageCataloguesTests cannot see: every constant has its words in English and in Welsh, and the
 * English is the constant's own display name, so the English pages read as they did.
 */
class SharingLabelsTests {

    @Test
    void everyValueThePagesNameHasItsWordsInBothLanguages() {
        List<String> missing = new ArrayList<>();
        check("sharing.direction.", Direction.values(), missing);
        check("sharing.status.", Status.values(), missing);
        check("sharing.lawful-basis.", LawfulBasis.values(), missing);
        check("sharing.consent-not-sought.", ConsentNotSought.values(), missing);
        check("sharing.advice-from.", AdviceFrom.values(), missing);
        check("sharing.decision.", Decision.values(), missing);
        check("sharing.channel.", Channel.values(), missing);
        check("sharing.error.channel.by.", Channel.values(), missing);
        check("sharing.urgency.", Urgency.values(), missing);
        check("sharing.category.", InformationCategory.values(), missing);
        check("sharing.recipient-type.", OrganisationType.values(), missing);
        check("sharing.verdict.", Verdict.values(), missing);
        check("sharing.authoriser.", Authoriser.values(), missing);
        check("sharing.authoriser.lower.", Authoriser.values(), missing);
        check("sharing.refused.must-be-authorised.", Authoriser.values(), missing);
        check("sharing.refused.only-authoriser.", Authoriser.values(), missing);
        check("sharing.refused.not-yourself.", Authoriser.values(), missing);
        check("sharing.refused.cannot-share.", Status.values(), missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void theEnglishLabelsAreTheDisplayNames() {
        for (Direction v : Direction.values()) {
            assertThat(english("sharing.direction." + v.name())).isEqualTo(v.displayName());
        }
        for (Status v : Status.values()) {
            assertThat(english("sharing.status." + v.name())).isEqualTo(v.displayName());
            assertThat(english("sharing.refused.cannot-share." + v.name()))
                    .isEqualTo("This record cannot be marked as shared now: it is " + v.displayName().toLowerCase(Locale.ROOT) + ".");
        }
        for (LawfulBasis v : LawfulBasis.values()) {
            assertThat(english("sharing.lawful-basis." + v.name())).isEqualTo(v.displayName());
        }
        for (ConsentNotSought v : ConsentNotSought.values()) {
            assertThat(english("sharing.consent-not-sought." + v.name())).isEqualTo(v.displayName());
        }
        for (AdviceFrom v : AdviceFrom.values()) {
            assertThat(english("sharing.advice-from." + v.name())).isEqualTo(v.displayName());
        }
        for (Decision v : Decision.values()) {
            assertThat(english("sharing.decision." + v.name())).isEqualTo(v.displayName());
        }
        for (Channel v : Channel.values()) {
            assertThat(english("sharing.channel." + v.name())).isEqualTo(v.displayName());
            assertThat(english("sharing.error.channel.by." + v.name())).isEqualTo(v.displayName().toLowerCase(Locale.ROOT));
        }
        for (Urgency v : Urgency.values()) {
            assertThat(english("sharing.urgency." + v.name())).isEqualTo(v.displayName());
        }
        for (InformationCategory v : InformationCategory.values()) {
            assertThat(english("sharing.category." + v.name())).isEqualTo(v.displayName());
        }
        for (OrganisationType v : OrganisationType.values()) {
            assertThat(english("sharing.recipient-type." + v.name())).isEqualTo(v.displayName());
        }
        for (Verdict v : Verdict.values()) {
            assertThat(english("sharing.verdict." + v.name())).isEqualTo(v.displayName());
        }
        for (Authoriser v : Authoriser.values()) {
            assertThat(english("sharing.authoriser." + v.name())).isEqualTo(v.displayName());
            assertThat(english("sharing.authoriser.lower." + v.name())).isEqualTo(v.displayName().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void theTimelineSaysEachActionAsItDidInEnglish() {
        for (String action : List.of("created", "changed", "authorised", "refused", "safeguard-confirmed", "caller-verified",
                "caller-not-verified", "shared", "receipt-confirmed", "closed", "declined", "cancelled", "full-record-completed")) {
            assertThat(english("sharing.timeline." + action)).isEqualTo(TimelineLabels.label(action));
            assertThat(Catalogue.text(Languages.WELSH, "sharing.timeline." + action)).isNotEqualTo(TimelineLabels.label(action));
        }
    }

    @Test
    void aRefusalKeepsItsEnglishForTheApiAndSaysItInWelshOnAPage() {
        SharingRefusedException refused = new SharingRefusedException(Text.of("sharing.refused.unconfirmed", "telephone.identity"));
        assertThat(refused.getMessage()).isEqualTo("Confirm every safeguard on the checklist before you share. Not yet confirmed: telephone.identity");
        assertThat(refused.text().resolve(Languages.WELSH)).startsWith("Cadarnhewch bob mesur diogelu").endsWith("telephone.identity");
        assertThat(new SharingRefusedException("Said in words: it's kept").text().resolve(Languages.WELSH)).isEqualTo("Said in words: it's kept");
        assertThat(new StaleRecordException().getMessage()).startsWith("Someone else changed this record while you were working on it.");
    }

    private static void check(String prefix, Enum<?>[] values, List<String> missing) {
        for (Enum<?> value : values) {
            for (Locale locale : Languages.SUPPORTED) {
                try {
                    Catalogue.text(locale, prefix + value.name());
                } catch (NoSuchMessageException e) {
                    missing.add(locale + ": " + prefix + value.name());
                }
            }
        }
    }

    private static String english(String code) {
        return Catalogue.text(Languages.ENGLISH, code);
    }
}
