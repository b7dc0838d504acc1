package org.caseshare.identity;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
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
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * Serialisable copies of a passkey ceremony's options, so they can live in the database session that
 * every node reads. Spring Security's option classes (or parts of them) are not serialisable; these
 * records keep every field and rebuild the same options with Spring's own builders. Enumerations are
 * kept by name and turned back into Spring's constants, which it compares by identity.
 */
final class PasskeyOptions {

    private PasskeyOptions() {
    }

    /** A copy of the value if it is a ceremony's options, else the value itself. */
    static Object copy(Object value) {
        if (value instanceof PublicKeyCredentialCreationOptions options) {
            return Registration.of(options);
        }
        if (value instanceof PublicKeyCredentialRequestOptions options) {
            return SignIn.of(options);
        }
        return value;
    }

    /** The options again if the value is a copy, else the value itself. */
    static Object original(Object value) {
        if (value instanceof Registration registration) {
            return registration.options();
        }
        if (value instanceof SignIn signIn) {
            return signIn.options();
        }
        return value;
    }

    record Registration(String rpId, String rpName, Bytes userId, String userName, String userDisplayName, Bytes challenge,
            List<Long> algorithms, Duration timeout, List<Descriptor> excludeCredentials,
            Selection selection, String attestation, List<Extension> extensions) implements Serializable {

        static Registration of(PublicKeyCredentialCreationOptions options) {
            return new Registration(options.getRp().getId(), options.getRp().getName(), options.getUser().getId(),
                    options.getUser().getName(), options.getUser().getDisplayName(), options.getChallenge(),
                    options.getPubKeyCredParams() == null ? null : options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
                    options.getTimeout(), Descriptor.of(options.getExcludeCredentials()), Selection.of(options.getAuthenticatorSelection()),
                    options.getAttestation() == null ? null : options.getAttestation().getValue(), Extension.of(options.getExtensions()));
        }

        PublicKeyCredentialCreationOptions options() {
            return PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(ImmutablePublicKeyCredentialUserEntity.builder().id(userId).name(userName).displayName(userDisplayName).build())
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms == null ? null : algorithms.stream().map(Registration::parameters).toList())
                    .timeout(timeout)
                    .excludeCredentials(Descriptor.descriptors(excludeCredentials))
                    .authenticatorSelection(selection == null ? null : selection.criteria())
                    .attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
                    .extensions(Extension.inputs(extensions))
                    .build();
        }

        private static PublicKeyCredentialParameters parameters(long algorithm) {
            return List.of(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
                            PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
                            PublicKeyCredentialParameters.RS512, PublicKeyCredentialParameters.RS1).stream()
                    .filter(p -> p.getAlg().getValue() == algorithm).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown passkey algorithm " + algorithm));
        }
    }

    record Selection(String attachment, String residentKey, String userVerification) implements Serializable {

        static Selection of(AuthenticatorSelectionCriteria criteria) {
            return criteria == null ? null : new Selection(
                    criteria.getAuthenticatorAttachment() == null ? null : criteria.getAuthenticatorAttachment().getValue(),
                    criteria.getResidentKey() == null ? null : criteria.getResidentKey().getValue(), name(criteria.getUserVerification()));
        }

        AuthenticatorSelectionCriteria criteria() {
            return AuthenticatorSelectionCriteria.builder()
                    .authenticatorAttachment(attachment == null ? null : AuthenticatorAttachment.valueOf(attachment))
                    .residentKey(residentKey == null ? null : ResidentKeyRequirement.valueOf(residentKey))
                    .userVerification(verification(userVerification)).build();
        }
    }

    record SignIn(Bytes challenge, Duration timeout, String rpId, List<Descriptor> allowCredentials,
            String userVerification, List<Extension> extensions) implements Serializable {

        static SignIn of(PublicKeyCredentialRequestOptions options) {
            return new SignIn(options.getChallenge(), options.getTimeout(), options.getRpId(), Descriptor.of(options.getAllowCredentials()),
                    name(options.getUserVerification()), Extension.of(options.getExtensions()));
        }

        PublicKeyCredentialRequestOptions options() {
            return PublicKeyCredentialRequestOptions.builder().challenge(challenge).timeout(timeout).rpId(rpId)
                    .allowCredentials(Descriptor.descriptors(allowCredentials)).userVerification(verification(userVerification))
                    .extensions(Extension.inputs(extensions)).build();
        }
    }

    /** One extension input; Spring Security asks for simple ones (credProps: true). */
    record Extension(String id, Serializable input) implements Serializable {

        static List<Extension> of(AuthenticationExtensionsClientInputs inputs) {
            if (inputs == null) {
                return null;
            }
            List<Extension> copies = new ArrayList<>();
            for (AuthenticationExtensionsClientInput<?> input : inputs.getInputs()) {
                if (!(input.getInput() instanceof Serializable serializable)) {
                    // Refuse now rather than lose part of a ceremony without a word.
                    throw new IllegalStateException("Passkey extension " + input.getExtensionId() + " cannot be kept in the session");
                }
                copies.add(new Extension(input.getExtensionId(), serializable));
            }
            return copies;
        }

        static AuthenticationExtensionsClientInputs inputs(List<Extension> extensions) {
            if (extensions == null) {
                return null;
            }
            return new ImmutableAuthenticationExtensionsClientInputs(extensions.stream()
                    .<AuthenticationExtensionsClientInput>map(e -> new ImmutableAuthenticationExtensionsClientInput<>(e.id(), e.input()))
                    .toList());
        }
    }

    record Descriptor(String type, Bytes id, List<String> transports) implements Serializable {

        static List<Descriptor> of(List<PublicKeyCredentialDescriptor> descriptors) {
            return descriptors == null ? null : descriptors.stream().map(d -> new Descriptor(d.getType() == null ? null : d.getType().getValue(),
                    d.getId(), d.getTransports() == null ? null : d.getTransports().stream().map(AuthenticatorTransport::getValue).toList())).toList();
        }

        static List<PublicKeyCredentialDescriptor> descriptors(List<Descriptor> descriptors) {
            return descriptors == null ? null : descriptors.stream().map(Descriptor::descriptor).toList();
        }

        private PublicKeyCredentialDescriptor descriptor() {
            var builder = PublicKeyCredentialDescriptor.builder().id(id);
            if (type != null) {
                builder.type(PublicKeyCredentialType.valueOf(type));
            }
            if (transports != null) {
                builder.transports(transports.stream().map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()));
            }
            return builder.build();
        }
    }

    private static String name(UserVerificationRequirement requirement) {
        return requirement == null ? null : requirement.getValue();
    }

    private static UserVerificationRequirement verification(String name) {
        if (name == null) {
            return null;
        }
        return List.of(UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED, UserVerificationRequirement.REQUIRED)
                .stream().filter(r -> r.getValue().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown user verification " + name));
    }
}
