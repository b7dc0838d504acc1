package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** security.txt settings that would make an invalid or misleading file stop the start instead. */
class SecurityTxtPropertiesTests {

    @Test
    void takesMailtoHttpsAndTelContactsAndDropsBlankOnes() {
        SecurityTxtProperties properties = new SecurityTxtProperties(List.of("mailto:security@council.gov.uk", " ", "https://council.gov.uk/report"),
                Duration.ofDays(180), "en", "");

        assertThat(properties.contact()).containsExactly("mailto:security@council.gov.uk", "https://council.gov.uk/report");
    }

    @Test
    void refusesNoContactAtAll() {
        assertThatThrownBy(() -> new SecurityTxtProperties(List.of(""), Duration.ofDays(1), "en", ""))
                .hasMessageContaining("caseshare.security-txt.contact");
    }

    @Test
    void refusesAContactThatIsNotMailtoHttpsOrTel() {
        assertThatThrownBy(() -> new SecurityTxtProperties(List.of("http://council.gov.uk/report"), Duration.ofDays(1), "en", ""))
                .hasMessageContaining("not a mailto:, https: or tel: address");
        assertThatThrownBy(() -> new SecurityTxtProperties(List.of("security@council.gov.uk"), Duration.ofDays(1), "en", ""))
                .hasMessageContaining("not a mailto:, https: or tel: address");
    }

    @Test
    void refusesAnExpiryMoreThanAYearAheadOrNone() {
        assertThatThrownBy(() -> new SecurityTxtProperties(List.of("mailto:a@b.gov.uk"), Duration.ofDays(366), "en", ""))
                .hasMessageContaining("caseshare.security-txt.expires-after");
        assertThatThrownBy(() -> new SecurityTxtProperties(List.of("mailto:a@b.gov.uk"), Duration.ZERO, "en", ""))
                .hasMessageContaining("caseshare.security-txt.expires-after");
    }
}
