package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, checked against its own test vector. */
class WebhookSignaturesTests {

    @Test
    void theSpecificationsTestVectorSignsAsItSays() {
        // from the standard-webhooks reference libraries' tests
        String signature = WebhookSignatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesBehindThePrefix() {
        String one = WebhookSignatures.newSecret();
        String two = WebhookSignatures.newSecret();
        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void anythingChangedChangesTheSignature() {
        String secret = WebhookSignatures.newSecret();
        String base = WebhookSignatures.sign(secret, "id", 1, "{}");
        assertThat(WebhookSignatures.sign(secret, "id", 2, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignatures.sign(secret, "id2", 1, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignatures.sign(secret, "id", 1, "{ }")).isNotEqualTo(base);
        assertThat(WebhookSignatures.sign(WebhookSignatures.newSecret(), "id", 1, "{}")).isNotEqualTo(base);
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> WebhookSignatures.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id", 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
