/**
 * Decides how a piece of personal information may be shared, case by case: for a sharing situation
 * (protective marking, urgency, kinds of information, recipient) it says which channels are allowed,
 * which safeguards apply, who must authorise, and why, following the guide "How to share personal
 * information securely, on a case-by-case basis".
 *
 * <p>Plain Java, no Spring: the rules live in a YAML policy file ({@code policy/default-policy.yaml}
 * is the guide itself) so a data protection officer can read and change them, and every
 * {@link org.caseshare.policy.Assessment} carries the {@link org.caseshare.policy.PolicyVersion} it
 * was decided under.
 */
package org.caseshare.policy;
