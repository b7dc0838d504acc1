package org.caseshare.identity;

import java.time.Clock;
import java.util.UUID;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.SecretBox;
import org.caseshare.crypto.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), the second factor everyone
 * enrols at first sign-in. The seed is sealed with the key-encryption keyset before it is stored, and
 * each accepted time step can be used once only.
 */
@Service
class SecondFactor {

    private static final int PERIOD_SECONDS = 30;
    private static final int SECRET_CHARS = 32; // base32: 160 bits, RFC 4226's recommended length

    private final Accounts accounts;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    SecondFactor(Accounts accounts, SecretBox secrets, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    record Enrolment(String secret, String qrDataUri) {
    }

    /** Starts (or restarts) enrolment with a fresh seed; nothing is enabled until a code is confirmed. */
    @Transactional
    Enrolment startEnrolment(Account account) {
        String secret = new DefaultSecretGenerator(SECRET_CHARS).generate();
        accounts.setPendingTotpSecret(account.id(), secrets.seal(secret, context(account.id())));
        QrData data = new QrData.Builder().label(account.email()).secret(secret).issuer("Caseshare")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return new Enrolment(secret, Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }

    /** Confirms enrolment with a first code from the person's app. */
    @Transactional
    boolean confirmEnrolment(Account account, String code) {
        Long step = matchingStep(account.id(), code);
        if (step == null) {
            audit.record(AuditEvent.failure("mfa.enrolment", account.id().toString(), account.organisationId(), "account:" + account.id()));
            return false;
        }
        accounts.enableTotp(account.id(), step);
        audit.record(AuditEvent.success("mfa.enrolled", account.id().toString(), account.organisationId(), "account:" + account.id())
                .with("factor", "totp"));
        return true;
    }

    /** Checks a code at sign-in; a code is accepted once only. */
    @Transactional
    boolean verify(Account account, String code) {
        Long step = matchingStep(account.id(), code);
        boolean ok = step != null && accounts.useTotpStep(account.id(), step);
        audit.record(new AuditEvent("mfa.verification", account.id().toString(), account.organisationId(), "account:" + account.id(),
                ok ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE, java.util.Map.of("factor", "totp")));
        return ok;
    }

    /** @return the time step (now, one before or one after, for clock drift) whose code matches, or null */
    private Long matchingStep(UUID accountId, String code) {
        if (code == null) {
            return null;
        }
        String digits = code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{6}")) {
            return null;
        }
        String sealed = accounts.totpSecret(accountId).orElse(null);
        if (sealed == null) {
            return null;
        }
        String secret = secrets.open(sealed, context(accountId));
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        try {
            for (long step = now - 1; step <= now + 1; step++) {
                if (Tokens.equalsConstantTime(codes.generate(secret, step), digits)) {
                    return step;
                }
            }
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    static String context(UUID accountId) {
        return "totp:" + accountId;
    }
}
