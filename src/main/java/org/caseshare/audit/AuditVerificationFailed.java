package org.caseshare.audit;

/**
 * Published in-process when a verification of the trail found something wrong; carries a count only
 * (the failures themselves are in the report, for whoever ran the verification).
 */
public record AuditVerificationFailed(int failures) {
}
