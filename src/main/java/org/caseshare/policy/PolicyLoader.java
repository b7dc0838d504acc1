package org.caseshare.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.caseshare.policy.internal.PolicyReader;

/**
 * Reads a policy from YAML text and checks it completely before anything can use it: the result is
 * a valid policy or every error with its line and column, never a policy that was partly read.
 */
public final class PolicyLoader {

    /** Classpath location of the policy shipped with the app: the guide itself. */
    public static final String DEFAULT_POLICY_RESOURCE = "/policy/default-policy.yaml";

    public PolicyLoadResult load(String yamlText) {
        Objects.requireNonNull(yamlText, "yamlText");
        PolicyReader.Outcome outcome = PolicyReader.read(yamlText);
        if (outcome.definition().isEmpty()) {
            return PolicyLoadResult.failed(outcome.errors());
        }
        PolicyReader.Definition definition = outcome.definition().get();
        PolicyVersion version = PolicyVersion.of(definition.version(), yamlText);
        return PolicyLoadResult.loaded(new Policy(version, definition.title(), definition.titleWelsh(), yamlText, definition.ruleBook()));
    }

    /** Reads UTF-8 text from the stream (which the caller closes) and loads it. */
    public PolicyLoadResult load(InputStream yaml) {
        try {
            return load(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the policy", e);
        }
    }

    /** The policy shipped with the app; a broken default is a build fault, so it fails loudly. */
    public static Policy defaultPolicy() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_POLICY_RESOURCE + " is missing from the classpath");
            }
            return new PolicyLoader().load(in).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_POLICY_RESOURCE, e);
        }
    }
}
