package org.caseshare.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Email domains and addresses: normalised to lower case, malformed ones refused. */
class EmailDomainTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"wessex.gov.uk,wessex.gov.uk", "@Wessex.GOV.uk,wessex.gov.uk", "nhs.net.,nhs.net", "school-1.sch.uk,school-1.sch.uk",
            "xn--bcher-kva.example,xn--bcher-kva.example"})
    void acceptsDomains(String typed, String expected) {
        assertThat(EmailDomain.parse(typed).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "wessex", "-wessex.gov.uk", "wessex-.gov.uk", "wes sex.gov.uk", "wessex..gov.uk",
            "wessex.gov.u", "wessex.gov.123", "name@wessex.gov.uk", "http://wessex.gov.uk"})
    void refusesWhatIsNotADomain(String typed) {
        assertThatThrownBy(() -> EmailDomain.parse(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubdomainIsWithinItsParentButNotTheOtherWayOrASuffixLookAlike() {
        EmailDomain gcsx = EmailDomain.parse("gcsx.gov.uk");
        assertThat(EmailDomain.parse("wessex.gcsx.gov.uk").within(gcsx)).isTrue();
        assertThat(gcsx.within(gcsx)).isTrue();
        assertThat(EmailDomain.parse("notgcsx.gov.uk").within(gcsx)).isFalse();
        assertThat(gcsx.within(EmailDomain.parse("wessex.gcsx.gov.uk"))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Jo.Bloggs@Wessex.gov.uk,jo.bloggs@wessex.gov.uk", "  team+safeguarding@nhs.net ,team+safeguarding@nhs.net"})
    void acceptsAddresses(String typed, String expected) {
        assertThat(EmailAddress.parse(typed).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo", "jo@", "@wessex.gov.uk", "jo@wessex", "jo bloggs@wessex.gov.uk", "jo..b@wessex.gov.uk", "jo@@wessex.gov.uk"})
    void refusesMalformedAddresses(String typed) {
        assertThatThrownBy(() -> EmailAddress.parse(typed)).hasMessageStartingWith("Enter an email address in the correct format");
    }
}
