/**
 * Decision: each organisation's versions of the sharing policy, the "How should I share this?" page and API that apply them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decision")
package org.caseshare.decision;
