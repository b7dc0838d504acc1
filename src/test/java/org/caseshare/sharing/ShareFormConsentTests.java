package org.caseshare.sharing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent question read the same whether the page's one drop-down or the API's two fields answer it. */
class ShareFormConsentTests {

    @Test
    void theDropDownsNoCarriesItsReason() {
        assertThat(ConsentAnswer.of("no:WOULD_CAUSE_DELAY", null)).isEqualTo(new ConsentAnswer(false, ConsentNotSought.WOULD_CAUSE_DELAY));
        assertThat(ConsentAnswer.of("yes", "")).isEqualTo(new ConsentAnswer(true, null));
    }

    @Test
    void theApisTwoFieldsReadAsBefore() {
        assertThat(ConsentAnswer.of("no", "WOULD_CAUSE_DELAY")).isEqualTo(new ConsentAnswer(false, ConsentNotSought.WOULD_CAUSE_DELAY));
        assertThat(ConsentAnswer.of("no", "")).isEqualTo(new ConsentAnswer(false, null));
    }

    @Test
    void noAnswerIsNoAnswer() {
        assertThat(ConsentAnswer.of("", "")).isEqualTo(new ConsentAnswer(null, null));
        assertThat(ConsentAnswer.of(null, null)).isEqualTo(new ConsentAnswer(null, null));
        assertThat(ConsentAnswer.of("maybe", null).sought()).isNull();
        assertThat(ConsentAnswer.of("no:NOT_A_REASON", null)).isEqualTo(new ConsentAnswer(false, null));
    }
}
