package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookPropertiesTests {

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        WebhookProperties properties = new WebhookProperties(false, null, null, null, 0, Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(properties.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.waitAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.waitAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultsAreSafeAndBounded() {
        WebhookProperties properties = new WebhookProperties(false, null, null, null, 0, null, null);
        assertThat(properties.allowPrivateTargets()).isFalse();
        assertThat(properties.maxAttempts()).isEqualTo(10);
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
