package org.caseshare.metrics;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditRecorded;
import org.caseshare.audit.AuditVerificationFailed;
import org.caseshare.policy.Channel;
import org.caseshare.policy.Marking;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what the audit trail records. Every counter is registered at zero on start-up, for every
 * label value it can take, so dashboards and alert rules find each series before the first event.
 */
@Component
class DomainCounters {

    /** Receipts, by how the recipient confirmed: fixed words, keyed by the audit action. */
    private static final Map<String, String> RECEIPTS = Map.of(
            "sharing.receipt-confirmed", "recipient",
            "hub.package.receipt-confirmed", "secure-hub",
            "channels.receipt-confirmed-by-link", "email-link");
    /** Failed sign-ins, by the step that failed. */
    private static final Map<String, String> SIGN_IN_FAILURES = Map.of(
            "login.failure", "password",
            "mfa.verification", "second-factor",
            "mfa.recovery-code-used", "recovery-code",
            "sso.sign-in-failed", "single-sign-on");
    private static final Map<String, String> THROTTLED = Map.of(
            "login.throttled", "sign-in",
            "password.reset-throttled", "password-reset");
    private static final Map<String, String> INTEGRITY = Map.of(
            "hub.file.integrity-failed", "content",
            "audit.entry-seal-broken", "audit-seal");

    private final MeterRegistry registry;
    private final Counter packagesSent;
    private final Counter downloads;
    private final Timer auditAppend;

    DomainCounters(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            for (Marking marking : Marking.values()) {
                shares(channel, marking);
            }
        }
        this.packagesSent = Counter.builder("caseshare.packages.sent").description("Secure hub packages sent").register(registry);
        this.downloads = Counter.builder("caseshare.downloads").description("Secure hub files downloaded").register(registry);
        RECEIPTS.values().forEach(this::receipts);
        SIGN_IN_FAILURES.values().forEach(this::signInFailures);
        THROTTLED.values().forEach(this::throttled);
        INTEGRITY.values().forEach(this::integrity);
        integrity("audit-verify");
        this.auditAppend = Timer.builder("caseshare.audit.append").description("Writing an audit entry in the writer's transaction")
                .publishPercentileHistogram().register(registry);
    }

    @EventListener
    void recorded(AuditRecorded entry) {
        auditAppend.record(entry.appendNanos(), TimeUnit.NANOSECONDS);
        String action = entry.action();
        switch (action) {
            case "sharing.record-created" -> shares(channel(entry.details().get("channel")), marking(entry.details().get("marking"))).increment();
            case "hub.package.sent" -> packagesSent.increment();
            case "hub.file.downloaded" -> downloads.increment();
            default -> {
            }
        }
        if (RECEIPTS.containsKey(action)) {
            receipts(RECEIPTS.get(action)).increment();
        }
        if (SIGN_IN_FAILURES.containsKey(action) && entry.outcome() != AuditEvent.Outcome.SUCCESS) {
            signInFailures(SIGN_IN_FAILURES.get(action)).increment();
        }
        if (THROTTLED.containsKey(action)) {
            throttled(THROTTLED.get(action)).increment();
        }
        if (INTEGRITY.containsKey(action)) {
            integrity(INTEGRITY.get(action)).increment();
        }
    }

    @EventListener
    void verificationFailed(AuditVerificationFailed failed) {
        integrity("audit-verify").increment();
    }

    private Counter shares(Channel channel, Marking marking) {
        return Counter.builder("caseshare.shares.recorded").description("Sharing decisions recorded, by channel and marking")
                .tag("channel", channel == null ? "unknown" : channel.name())
                .tag("marking", marking == null ? "unknown" : marking.name()).register(registry);
    }

    private Counter receipts(String via) {
        return Counter.builder("caseshare.receipts").description("Receipts confirmed").tag("via", via).register(registry);
    }

    private Counter signInFailures(String step) {
        return Counter.builder("caseshare.signin.failures").description("Failed sign-ins, by the step that failed").tag("step", step).register(registry);
    }

    private Counter throttled(String what) {
        return Counter.builder("caseshare.throttled").description("Requests refused by a throttle").tag("what", what).register(registry);
    }

    private Counter integrity(String kind) {
        return Counter.builder("caseshare.integrity.failures")
                .description("Integrity failures: content that failed authentication, audit entries or checkpoints that did not verify")
                .tag("kind", kind).register(registry);
    }

    /** Only an enum's own name becomes a label; anything else is "unknown". */
    private static Channel channel(String name) {
        try {
            return name == null ? null : Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Marking marking(String name) {
        try {
            return name == null ? null : Marking.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
