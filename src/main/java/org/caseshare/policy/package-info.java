/**
 * Decides how a piece of personal information may be shared, case by case: for a sharing situation
 * (protective marking, urgency, kinds of information, recipient) it says which channels are allowed,
 * which safeguards apply, who must authorise, and why, following the guide ‘How to share personal
 * information securely, on a case-by-case basis’.
 *
 * <p>Plain Java, no Spring: the rules live in a YAML policy file ({@code policy/default-policy.yaml}
 * is the guide itself) so a data protection officer can read and change them, and every
 * {@link org.caseshare.policy.Assessment} carries the {@link org.caseshare.policy.PolicyVersion} it
 * was decided under.
 *
 * <p>How rules combine: every rule whose {@code when} matches speaks about its channels; per channel
 * the most restrictive verdict and the most senior authoriser win, and conditions, advice and
 * reasons add up, so the order of rules never matters. A channel no rule speaks about is refused.
 * Old GPMS markings are handled at the highest current classification they could mean and flagged
 * for review; CONFIDENTIAL needs the information security officer; SECRET and above are refused.
 * An emergency lets a channel go first with a minimal record but waives no authorisation.
 */
package org.caseshare.policy;
