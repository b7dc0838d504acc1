/**
 * Identity: accounts and their roles within an organisation, first-run setup, invitations, login
 * with a password and a second factor for everyone, personal API tokens, session control and the
 * security filter chains. Every security event is written to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.caseshare.identity;
