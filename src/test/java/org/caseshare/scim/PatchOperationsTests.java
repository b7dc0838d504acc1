package org.caseshare.scim;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH as Entra ID writes it: mixed-case ops, "False" strings, no path, attributes we do not keep. */
class PatchOperationsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void replaceActiveWithTheStringFalseDeactivates() throws Exception {
        assertThat(PatchOperations.apply(active(), entra("disable-user-string-false.json")).active).isFalse();
        assertThat(PatchOperations.apply(active(), entra("disable-user.json")).active).isFalse();
    }

    @Test
    void anOperationWithNoPathAppliesEachAttributeOfItsValueAndIgnoresOnesWeDoNotKeep() throws Exception {
        UserDraft before = active();
        before.active = false;
        UserDraft after = PatchOperations.apply(before, entra("patch-no-path.json"));
        assertThat(after.active).isTrue();
        assertThat(after.displayName).isEqualTo("Babs Jensen");
        assertThat(after.givenName).isEqualTo("Barbara");
        assertThat(after.familyName).isEqualTo("Jensen");
        assertThat(after.userName).isEqualTo(before.userName);
    }

    @Test
    void multiValuedAndSingleValuedUpdatesChangeTheWorkEmailFamilyNameAndUserName() throws Exception {
        UserDraft after = PatchOperations.apply(active(), entra("update-user-multi-valued.json"));
        assertThat(after.workEmail).startsWith("updatedEmail_");
        assertThat(after.familyName).isEqualTo("updatedFamilyName");
        assertThat(PatchOperations.apply(active(), entra("update-user-single-valued.json")).userName)
                .isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
    }

    @Test
    void theDraftBeforeIsLeftAlone() throws Exception {
        UserDraft before = active();
        PatchOperations.apply(before, entra("disable-user.json"));
        assertThat(before.active).isTrue();
    }

    @Test
    void badOperationsAreRefusedWithTheirScimType() {
        assertThat(scimType("{\"Operations\":[]}")).isEqualTo("invalidSyntax");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Move\",\"path\":\"active\",\"value\":false}]}")).isEqualTo("invalidSyntax");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"no\"}]}")).isEqualTo("invalidValue");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":1}]}")).isEqualTo("invalidValue");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Replace\",\"value\":\"not an object\"}]}")).isEqualTo("invalidSyntax");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":{\"a\":1}}]}")).isEqualTo("invalidValue");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Remove\",\"path\":\"userName\"}]}")).isEqualTo("mutability");
        assertThat(scimType("{\"Operations\":[{\"op\":\"Remove\"}]}")).isEqualTo("noTarget");
    }

    @Test
    void removeClearsAnExternalId() {
        UserDraft before = active();
        before.externalId = "abc";
        ScimPatch patch = JSON.readValue("{\"Operations\":[{\"op\":\"remove\",\"path\":\"externalId\"}]}", ScimPatch.class);
        assertThat(PatchOperations.apply(before, patch).externalId).isNull();
    }

    private static String scimType(String json) {
        ScimPatch patch = JSON.readValue(json, ScimPatch.class);
        return catchScim(() -> PatchOperations.apply(active(), patch)).scimType();
    }

    private static ScimException catchScim(Runnable action) {
        try {
            action.run();
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError("expected a ScimException");
    }

    private static UserDraft active() {
        UserDraft draft = new UserDraft();
        draft.userName = "Test_User_1";
        draft.displayName = "givenName familyName";
        draft.workEmail = "test_user_1@testuser.com";
        draft.active = true;
        return draft;
    }

    private static ScimPatch entra(String name) throws Exception {
        try (InputStream in = PatchOperationsTests.class.getResourceAsStream("/scim/entra/" + name)) {
            return JSON.readValue(in, ScimPatch.class);
        }
    }
}
