package org.caseshare.sharing;

/**
 * The parts of a decision that are read, not searched: necessity, lawful basis, consent, advice,
 * informing the person and retention (REFERENCES, "What a decision needs"). Stored as JSON with the
 * record. Dates are ISO text (yyyy-mm-dd); empty text means "not recorded".
 */
public record SharingDetails(
        String necessity,
        LawfulBasis lawfulBasis,
        String article9Condition,
        String article10Condition,
        String statutoryGateway,
        Boolean consentSought,
        ConsentNotSought consentNotSought,
        String consentNotSoughtOther,
        String consentGivenBy,
        String consentCapacity,
        String consentLimits,
        boolean consentWithdrawn,
        AdviceFrom adviceFrom,
        String adviceSummary,
        String personInformed,
        String personInformedOn,
        String personNotInformedWhy,
        String reviewDate) {

    static SharingDetails minimal() {
        return new SharingDetails(null, null, null, null, null, null, null, null, null, null, null, false,
                AdviceFrom.NONE, null, null, null, null, null);
    }
}
