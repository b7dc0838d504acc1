package org.caseshare.sharing;

import org.caseshare.decision.SituationInput;

/**
 * Whether consent was sought, and if not why not. The page asks it as one drop-down whose "no"
 * answers carry their reason ({@code no:WOULD_CAUSE_DELAY}); the API and stored forms send the two
 * separately ({@code no} and {@code WOULD_CAUSE_DELAY}). Both read the same.
 */
record ConsentAnswer(Boolean sought, ConsentNotSought notSought) {

    static ConsentAnswer of(String soughtText, String notSoughtText) {
        String sought = soughtText == null ? "" : soughtText.strip();
        String reason = notSoughtText;
        if (sought.regionMatches(true, 0, "no:", 0, 3)) {
            // a reason given separately as well takes precedence: it is the more specific answer
            reason = ShareFormReader.blank(notSoughtText) ? sought.substring(3) : notSoughtText;
            sought = "no";
        }
        Boolean answer = "yes".equalsIgnoreCase(sought) ? Boolean.TRUE : "no".equalsIgnoreCase(sought) ? Boolean.FALSE : null;
        return new ConsentAnswer(answer, SituationInput.choice(ConsentNotSought.class, reason).orElse(null));
    }
}
