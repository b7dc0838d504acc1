package org.caseshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * A passkey ceremony's two requests may reach two nodes behind a load balancer: the options one node
 * puts in the (database) session must come back whole on another node, through Java serialisation.
 */
class PasskeyCeremoniesTests {

    private static final String ATTRIBUTE = "ceremony";

    @Test
    void registrationOptionsStartedOnOneNodeAreFoundOnAnother() throws Exception {
        PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id("localhost").name("Caseshare").build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name("account-1").displayName("account-1").build())
                .challenge(Bytes.random())
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256)
                .timeout(Duration.ofMinutes(5))
                .excludeCredentials(List.of(descriptor()))
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder().residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.PREFERRED).build())
                .attestation(AttestationConveyancePreference.DIRECT)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(ImmutableAuthenticationExtensionsClientInput.credProps))
                .build();

        PublicKeyCredentialCreationOptions found = (PublicKeyCredentialCreationOptions) acrossTwoNodes(options);

        assertThat(found).isNotNull();
        assertThat(found.getChallenge()).isEqualTo(options.getChallenge());
        assertThat(found.getRp().getId()).isEqualTo("localhost");
        assertThat(found.getRp().getName()).isEqualTo("Caseshare");
        assertThat(found.getUser().getId()).isEqualTo(options.getUser().getId());
        assertThat(found.getUser().getName()).isEqualTo("account-1");
        assertThat(found.getPubKeyCredParams()).containsExactly(PublicKeyCredentialParameters.EdDSA,
                PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256);
        assertThat(found.getTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(found.getExcludeCredentials()).singleElement().satisfies(d -> assertThat(d.getId()).isEqualTo(options.getExcludeCredentials().get(0).getId()));
        assertThat(found.getAuthenticatorSelection().getResidentKey()).isEqualTo(ResidentKeyRequirement.REQUIRED);
        // Spring Security compares these by identity, so they must come back as its constants.
        assertThat(found.getAuthenticatorSelection().getUserVerification()).isSameAs(UserVerificationRequirement.PREFERRED);
        assertThat(found.getAttestation()).isEqualTo(AttestationConveyancePreference.DIRECT);
        assertThat(found.getExtensions().getInputs()).singleElement().satisfies(input -> {
            assertThat(input.getExtensionId()).isEqualTo("credProps");
            assertThat(input.getInput()).isEqualTo(true);
        });
    }

    @Test
    void signInOptionsStartedOnOneNodeAreFoundOnAnother() throws Exception {
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.random()).timeout(Duration.ofMinutes(5)).rpId("localhost")
                .allowCredentials(List.of(descriptor())).userVerification(UserVerificationRequirement.PREFERRED)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(ImmutableAuthenticationExtensionsClientInput.credProps))
                .build();

        PublicKeyCredentialRequestOptions found = (PublicKeyCredentialRequestOptions) acrossTwoNodes(options);

        assertThat(found).isNotNull();
        assertThat(found.getChallenge()).isEqualTo(options.getChallenge());
        assertThat(found.getRpId()).isEqualTo("localhost");
        assertThat(found.getTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(found.getAllowCredentials()).singleElement().satisfies(d -> {
            assertThat(d.getId()).isEqualTo(options.getAllowCredentials().get(0).getId());
            assertThat(d.getTransports()).containsExactly(AuthenticatorTransport.INTERNAL);
        });
        assertThat(found.getUserVerification()).isSameAs(UserVerificationRequirement.PREFERRED);
        assertThat(found.getExtensions().getInputs()).extracting(input -> input.getExtensionId()).containsExactly("credProps");
    }

    @Test
    void otherAttributesPassUntouched() throws Exception {
        assertThat(acrossTwoNodes("plain")).isEqualTo("plain");
    }

    private static PublicKeyCredentialDescriptor descriptor() {
        return PublicKeyCredentialDescriptor.builder().id(Bytes.random()).transports(AuthenticatorTransport.INTERNAL).build();
    }

    /** Stores the value through one node's filter, carries the session over as the database would, reads it through another's. */
    private static Object acrossTwoNodes(Object value) throws Exception {
        MockHttpSession first = new MockHttpSession();
        through(new PasskeyCeremonies(), first, session -> session.setAttribute(ATTRIBUTE, value));

        MockHttpSession second = new MockHttpSession();
        second.setAttribute(ATTRIBUTE, serialisedAndBack(first.getAttribute(ATTRIBUTE)));

        AtomicReference<Object> found = new AtomicReference<>();
        through(new PasskeyCeremonies(), second, session -> found.set(session.getAttribute(ATTRIBUTE)));
        return found.get();
    }

    private interface SessionWork {
        void on(HttpSession session);
    }

    private static void through(PasskeyCeremonies node, MockHttpSession session, SessionWork work) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        node.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest wrapped, ServletResponse response) {
                work.on(((HttpServletRequest) wrapped).getSession());
            }
        });
    }

    private static Object serialisedAndBack(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
