package org.caseshare.decision;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.policy.Policy;
import org.caseshare.policy.PolicyError;
import org.caseshare.policy.PolicyLoadResult;
import org.caseshare.policy.PolicyLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organisation's sharing policy and its history. An organisation starts on the shipped default
 * (version 1, the guide); its data protection officer replaces it with a complete, valid file that
 * carries the next version number, and every accepted file is kept. A refused file changes nothing.
 *
 * <p>The number in the file and the number in the history are the same number: a new policy must
 * say {@code version: N+1}. So the {@link org.caseshare.policy.PolicyVersion} an assessment carries
 * always names exactly one row of the history (see docs/adr/0003-decision-module.md).
 */
@Service
public class PolicyVersions {

    /** Longest policy accepted, in characters; the default is about 35,000. */
    public static final int MAX_LENGTH = 200_000;

    private static final Pattern VERSION_LINE = Pattern.compile("^version[ \\t]*:[ \\t]*([^\\s#]*)", Pattern.MULTILINE);

    private final PolicyStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PolicyLoader loader = new PolicyLoader();
    private final Policy shippedDefault = PolicyLoader.defaultPolicy();
    /** Parsed policies by fingerprint: the text behind a fingerprint never changes. */
    private final Map<String, Policy> parsed = new ConcurrentHashMap<>();

    PolicyVersions(PolicyStore store, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        parsed.put(shippedDefault.version().sha256(), shippedDefault);
    }

    /** The policy the organisation decides under now, with the version to store with each decision. */
    public InForce current(UUID organisationId) {
        return store.latest(organisationId).map(this::inForce).orElseGet(this::defaultInForce);
    }

    /** Every version, newest first; an organisation that never replaced its policy has the default only. */
    public List<StoredPolicy> history(UUID organisationId) {
        List<StoredPolicy> history = store.history(organisationId);
        return history.isEmpty() ? List.of(defaultInForce().stored()) : history;
    }

    /** The exact text of one of the organisation's versions. */
    public Optional<String> text(UUID organisationId, int number) {
        Optional<String> stored = store.find(organisationId, number).map(PolicyStore.Row::text);
        if (stored.isEmpty() && number == 1 && store.latest(organisationId).isEmpty()) {
            return Optional.of(shippedDefault.text());
        }
        return stored;
    }

    /** The number the next accepted policy must carry. */
    public int nextNumber(UUID organisationId) {
        return current(organisationId).version().number() + 1;
    }

    /** The current text with its version already raised to the next number: a starting point for editing. */
    public String draft(UUID organisationId) {
        InForce now = current(organisationId);
        return withVersion(now.policy().text(), now.version().number() + 1).orElse(now.policy().text());
    }

    /**
     * Makes {@code text} the organisation's policy if it is complete, valid and numbered as the next
     * version; otherwise returns every error and leaves the policy in force as it was. Audited either way.
     */
    public Replacement replace(UUID organisationId, String text, PolicySource source, UUID actor) {
        if (source == PolicySource.DEFAULT) {
            throw new IllegalArgumentException("the default is never offered as a replacement");
        }
        InForce now = current(organisationId);
        int expected = now.version().number() + 1;
        Checked checked = check(text, expected);
        List<PolicyError> errors = checked.errors();
        if (!errors.isEmpty()) {
            audit.record(new AuditEvent("policy.rejected", actor.toString(), organisationId, "policy:" + expected,
                    AuditEvent.Outcome.FAILURE, Map.of("errors", Integer.toString(errors.size()), "source", source.name())));
            return Replacement.refused(errors);
        }
        Policy policy = parsed.computeIfAbsent(checked.policy().version().sha256(), sha -> checked.policy());
        try {
            return transaction.execute(status -> {
                var when = clock.instant().truncatedTo(ChronoUnit.MICROS);
                if (store.latest(organisationId).isEmpty()) {
                    // The organisation was on the default without a row: record it now, so the history is complete.
                    store.insert(organisationId, 1, shippedDefault.version().sha256(), shippedDefault.text(),
                            PolicySource.DEFAULT, null, when);
                }
                store.insert(organisationId, expected, policy.version().sha256(), text, source, actor, when);
                audit.record(AuditEvent.success("policy.replaced", actor.toString(), organisationId, "policy:" + expected)
                        .with("version", Integer.toString(expected))
                        .with("sha256", policy.version().sha256())
                        .with("source", source.name()));
                return Replacement.of(new InForce(policy, new StoredPolicy(expected, policy.version().sha256(), source,
                        Optional.of(actor), Optional.of(when))));
            });
        } catch (DuplicateKeyException e) {
            return Replacement.refused(List.of(stale(current(organisationId).version().number())));
        }
    }

    private static PolicyError stale(int inForce) {
        return PolicyError.coded(1, 1, "Someone else changed the policy at the same time."
                + " Version " + inForce + " is now in force: look at it, then try again.", "decision.policy-error.stale", String.valueOf(inForce));
    }

    /** Puts the shipped default back in force, as the next version (only its version line differs). */
    public Replacement revertToDefault(UUID organisationId, UUID actor) {
        String text = withVersion(shippedDefault.text(), nextNumber(organisationId))
                .orElseThrow(() -> new IllegalStateException("the default policy has no 'version:' line"));
        return replace(organisationId, text, PolicySource.REVERTED, actor);
    }

    /** A policy that may become the next version, or every reason it may not. */
    record Checked(Policy policy, List<PolicyError> errors) {
        static Checked refused(PolicyError error) {
            return new Checked(null, List.of(error));
        }
    }

    /** Every reason the text cannot become version {@code expected}, with line and column. */
    Checked check(String text, int expected) {
        if (text == null || text.isBlank()) {
            return Checked.refused(PolicyError.coded(1, 1, "The policy is empty", "decision.policy-error.empty"));
        }
        if (text.length() > MAX_LENGTH) {
            return Checked.refused(PolicyError.coded(1, 1, "The policy must be " + String.format("%,d", MAX_LENGTH)
                    + " characters or fewer; this one has " + String.format("%,d", text.length()), "decision.policy-error.too-long",
                    MAX_LENGTH, text.length()));
        }
        PolicyLoadResult result = loader.load(text);
        if (!result.isValid()) {
            return new Checked(null, result.errors());
        }
        Policy policy = result.policy().orElseThrow();
        int number = policy.version().number();
        if (number != expected) {
            Matcher line = VERSION_LINE.matcher(text);
            int lineNumber = 1;
            int column = 1;
            if (line.find()) {
                lineNumber = (int) text.substring(0, line.start()).chars().filter(c -> c == '\n').count() + 1;
                column = line.start(1) - line.start() + 1;
            }
            return Checked.refused(PolicyError.coded(lineNumber, column, "The version must be " + expected + ", not " + number
                    + ": version " + (expected - 1) + " is in force, and each new policy takes the next number",
                    "decision.policy-error.version", String.valueOf(expected), String.valueOf(number), String.valueOf(expected - 1)));
        }
        return new Checked(policy, List.of());
    }

    private InForce inForce(PolicyStore.Row row) {
        Policy policy = parsed.computeIfAbsent(row.stored().sha256(), sha -> loader.load(row.text()).orElseThrow());
        return new InForce(policy, row.stored());
    }

    private InForce defaultInForce() {
        return new InForce(shippedDefault, new StoredPolicy(1, shippedDefault.version().sha256(), PolicySource.DEFAULT,
                Optional.empty(), Optional.empty()));
    }

    /** The text with its top-level {@code version:} value replaced, if it has such a line. */
    static Optional<String> withVersion(String text, int number) {
        Matcher line = VERSION_LINE.matcher(text);
        if (!line.find()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, line.start(1)) + number + text.substring(line.end(1)));
    }
}
