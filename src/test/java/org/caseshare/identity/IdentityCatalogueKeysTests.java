package org.caseshare.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.directory.OrganisationKind;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The identity pages name some catalogue keys from values ({@code identity.role.<ROLE>},
 * {@code identity.setup.kind.<KIND>}, {@code identity.invitation.state.<state>}), which
 * MessageCataloguesTests cannot see in the templates: every value has its words in both languages.
 */
class IdentityCatalogueKeysTests {

    @Test
    void everyRoleHasANameAndADescriptionInBothLanguages() {
        for (Role role : Role.values()) {
            assertInBoth("identity.role." + role.name());
            assertInBoth("identity.role." + role.name() + ".description");
            assertThat(Catalogue.text(Languages.ENGLISH, "identity.role." + role.name())).isEqualTo(role.label());
            assertThat(Catalogue.text(Languages.ENGLISH, "identity.role." + role.name() + ".description")).isEqualTo(role.description());
        }
    }

    @Test
    void everyKindOfOrganisationHasANameInBothLanguages() {
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertInBoth("identity.setup.kind." + kind.name());
            assertThat(Catalogue.text(Languages.ENGLISH, "identity.setup.kind." + kind.name())).isEqualTo(kind.label());
        }
    }

    @Test
    void everyStateOfAnInvitationHasANameInBothLanguages() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        UUID id = UUID.randomUUID();
        List<Invitation> invitations = List.of(
                new Invitation(id, id, "a@example.org", Role.MANAGER, id, now, now.plusSeconds(60), null, null),
                new Invitation(id, id, "a@example.org", Role.MANAGER, id, now, now.plusSeconds(60), now, null),
                new Invitation(id, id, "a@example.org", Role.MANAGER, id, now, now.plusSeconds(60), null, now),
                new Invitation(id, id, "a@example.org", Role.MANAGER, id, now, now.minusSeconds(60), null, null));
        assertThat(invitations).extracting(i -> i.stateCode(now)).containsExactly("pending", "accepted", "withdrawn", "expired");
        for (Invitation invitation : invitations) {
            assertInBoth("identity.invitation.state." + invitation.stateCode(now));
            assertThat(Catalogue.text(Languages.ENGLISH, "identity.invitation.state." + invitation.stateCode(now)))
                    .isEqualTo(invitation.state(now));
        }
    }

    @Test
    void aRefusalKeepsEnglishForTheApiAndWelshForThePage() {
        Refusal refusal = new DuplicateAccountException();
        assertThat(refusal.getMessage()).isEqualTo("An account with this email address already exists");
        assertThat(refusal.text().resolve(Languages.WELSH)).isEqualTo("Mae cyfrif gyda’r cyfeiriad e-bost hwn yn bodoli’n barod");
        assertThat(PasswordRules.problem("short", "jo@example.org")).isEqualTo("Password must be 12 characters or more");
        assertThat(PasswordRules.problemText("short", "jo@example.org", null).resolve(Languages.WELSH))
                .isEqualTo("Rhaid i’r cyfrinair fod yn 12 nod neu fwy");
    }

    private static void assertInBoth(String key) {
        assertThatCode(() -> Catalogue.text(Languages.ENGLISH, key)).as(key).doesNotThrowAnyException();
        assertThatCode(() -> Catalogue.text(Languages.WELSH, key)).as(key + " in Welsh").doesNotThrowAnyException();
        assertThat(Catalogue.text(Languages.WELSH, key)).as(key + " in Welsh").isNotEqualTo(Catalogue.text(Languages.ENGLISH, key));
    }
}
