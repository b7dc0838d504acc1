package org.caseshare.directory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal webmail is refused and GCSX is never secure, as the guide says; the lists are configuration. */
class MailDomainPolicyTests {

    private final MailDomainPolicy policy = new MailDomainPolicy(new DirectoryProperties(
            List.of("hotmail.com", "hotmail.co.uk", "gmail.com", "googlemail.com", "yahoo.co.uk", "outlook.com"), List.of("gcsx.gov.uk")));

    @ParameterizedTest
    @ValueSource(strings = {"hotmail.com", "HOTMAIL.CO.UK", "gmail.com", "googlemail.com", "uk.yahoo.co.uk"})
    void personalWebmailIsRecognisedWithItsSubdomains(String domain) {
        assertThat(policy.personalWebmail(EmailDomain.parse(domain))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wessex.gov.uk", "nhs.net", "notgmail.com", "gmail.com.example.org"})
    void workDomainsAreNotPersonalWebmail(String domain) {
        assertThat(policy.personalWebmail(EmailDomain.parse(domain))).isFalse();
    }

    @Test
    void aContactsPersonalWebmailIsRefusedWithTheGuidesReason() {
        NamedContact contact = new NamedContact("Sam Smith", "Designated safeguarding lead", "Pastoral", null, EmailAddress.parse("sam@gmail.com"));
        assertThat(policy.breach(contact)).hasValueSatisfying(breach -> {
            assertThat(breach.field()).isEqualTo("email");
            assertThat(breach.getMessage()).contains("work email").contains("Hotmail");
        });
        NamedContact atWork = new NamedContact("Sam Smith", "Designated safeguarding lead", "Pastoral", null, EmailAddress.parse("sam@wessex.sch.uk"));
        assertThat(policy.breach(atWork)).isEmpty();
    }

    @Test
    void gcsxCanBeListedAsNotSecureButNeverAsSecure() {
        assertThat(policy.breach(new SecureEmailDomain(EmailDomain.parse("wessex.gcsx.gov.uk"), false))).isEmpty();
        assertThat(policy.breach(new SecureEmailDomain(EmailDomain.parse("wessex.gcsx.gov.uk"), true))).hasValueSatisfying(breach -> {
            assertThat(breach.field()).isEqualTo("secure");
            assertThat(breach.getMessage()).contains("GCSX email accounts are not classed as secure");
        });
        assertThat(policy.breach(new SecureEmailDomain(EmailDomain.parse("outlook.com"), false))).hasValueSatisfying(breach ->
                assertThat(breach.field()).isEqualTo("domain"));
    }

    @Test
    void theFormListsEveryProblemAtOnceAndNamesTheirFields() {
        ContactPointForm form = new ContactPointForm("", "", "", "", "", "", "", "", "RG40", "", "", "");
        assertThatThrownBy(() -> form.toDetails(ContactPointKind.ADDRESS, policy)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("line1", "town", "postcode"));
        ContactPointForm contact = new ContactPointForm("", "07700 900123", "", "", "", "", "", "", "", "", "", "jo@hotmail.com");
        assertThatThrownBy(() -> contact.toDetails(ContactPointKind.CONTACT, policy)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("name", "jobTitle", "department"));
        ContactPointForm mobileSwitchboard = ContactPointForm.empty().withTelephone("07700 900123");
        assertThatThrownBy(() -> mobileSwitchboard.toDetails(ContactPointKind.SWITCHBOARD, policy)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().get("telephone")).contains("is a mobile number"));
    }

    @Test
    void aNamedContactMayHaveAMobileButItIsKnownAsOne() {
        ContactPointForm contact = new ContactPointForm("", "07700 900123", "", "", "Pastoral", "", "", "", "", "Sam Smith", "Head", "sam@wessex.sch.uk");
        NamedContact details = (NamedContact) contact.toDetails(ContactPointKind.CONTACT, policy);
        assertThat(details.telephone().mobile()).isTrue();
        assertThat(details.email().value()).isEqualTo("sam@wessex.sch.uk");
    }
}
