package org.caseshare.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The filter parser understands exactly {@code userName eq "…"} and {@code externalId eq "…"}:
 * any value round-trips through JSON string escaping, and any other text is an invalidFilter, never
 * another exception and never a half-understood filter.
 */
class ScimFilterProperties {

    private static final String AWKWARD = "\"\\/ \t\n\u0000\u001f\u00e9\u200e\ud83d\ude00'()[]eq and or not pr";

    @Property(tries = 2000)
    void everyValueRoundTripsThroughJsonEscaping(@ForAll("values") String value, @ForAll boolean external) {
        String attribute = external ? "externalId" : "userName";
        ScimFilter filter = ScimFilter.parse(attribute + " eq \"" + escape(value) + "\"");

        assertThat(filter.value()).isEqualTo(value);
        assertThat(filter.attribute()).isEqualTo(external ? ScimFilter.Attribute.EXTERNAL_ID : ScimFilter.Attribute.USER_NAME);
    }

    @Property(tries = 3000)
    void anythingElseIsAnInvalidFilterAndNothingWorse(@ForAll("noise") String text) {
        try {
            ScimFilter filter = ScimFilter.parse(text);
            // Only the one supported shape may parse.
            assertThat(text.strip()).matches("(?is)(urn:ietf:params:scim:schemas:core:2\\.0:user:)?(username|externalid) +eq +\".*\"");
            assertThat(filter.value()).isNotNull();
        } catch (ScimException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo("invalidFilter");
        }
    }

    @Property(tries = 500)
    void attributeAndOperatorAreCaseInsensitive(@ForAll("cases") String attribute, @ForAll("operators") String operator) {
        assertThat(ScimFilter.parse(attribute + " " + operator + " \"x@example.org\"").value()).isEqualTo("x@example.org");
    }

    @Example
    void entraIdsFilterIsUnderstood() {
        ScimFilter filter = ScimFilter.parse("userName eq \"Test_User_dfeef4c5-5681-4387-b016-bdf221e82081\"");
        assertThat(filter.attribute()).isEqualTo(ScimFilter.Attribute.USER_NAME);
        assertThat(filter.value()).isEqualTo("Test_User_dfeef4c5-5681-4387-b016-bdf221e82081");
    }

    @Example
    void unsupportedOperatorsAttributesAndCombinationsAreRefused() {
        for (String filter : new String[] {"displayName eq \"x\"", "userName co \"x\"", "userName sw \"x\"", "userName pr",
                "userName eq \"x\" and externalId eq \"y\"", "userName eq \"x\" or true", "userName eq x", "userName eq \"x",
                "userName eq \"x\\q\"", "emails[type eq \"work\"].value eq \"x\"", "(userName eq \"x\")", "", "userName  eq\"x\"",
                "userName eq \"\\u12\"", "userName eq \"x\"\"", "not(userName eq \"x\")", "userName eq \"x\" "}) {
            if (filter.equals("userName eq \"x\" ")) {
                // A trailing space is trimmed, as a proxy may add one.
                assertThat(ScimFilter.parse(filter).value()).isEqualTo("x");
                continue;
            }
            assertThatThrownBy(() -> ScimFilter.parse(filter)).as(filter).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        }
        assertThatThrownBy(() -> ScimFilter.parse(null)).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> ScimFilter.parse("userName eq \"" + "x".repeat(2000) + "\"")).isInstanceOf(ScimException.class);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(AWKWARD).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40), Arbitraries.strings().alpha().numeric().withChars("@._-").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> fragments = Arbitraries.of("userName", "externalId", "USERNAME", "displayName", " ", "  ", "eq", "EQ", "co",
                "\"", "\\", "\\u00", "\\\"", "x", "and", "or", "(", ")", "[", "]", "pr", "urn:ietf:params:scim:schemas:core:2.0:User:",
                "\n", "\u0000", "é");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(8).map(parts -> String.join("", parts)),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> cases() {
        return Arbitraries.of("username", "USERNAME", "UserName", "userName", "urn:ietf:params:scim:schemas:core:2.0:User:userName");
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("eq", "EQ", "Eq", "eQ");
    }

    /** JSON string escaping, as a SCIM client writes a value into a filter. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
