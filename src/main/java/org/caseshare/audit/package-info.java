/**
 * Audit: the append-only trail of every security event and every change. An entry commits in the
 * same transaction as the change it records; if the entry cannot be written, the change fails.
 * Entries carry identifiers and field names, never personal data in clear.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.caseshare.audit;
