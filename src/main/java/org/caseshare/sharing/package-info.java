/**
 * Sharing: the register of case-by-case shares, requests received and decisions not to share. A
 * {@link org.caseshare.sharing.SharingRecord} holds what was shared about whom, to whom, why, on what
 * lawful basis and under which policy version; its verbs guard the lifecycle (ready or awaiting
 * authorisation → authorised → shared only once every safeguard the policy requires is confirmed and,
 * for a request received, the caller verified by calling back → receipt confirmed → closed; or
 * refused, declined, cancelled). Personal data stays in the register's own tables: audit entries
 * carry identifiers and field names only. Every change is audited in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package org.caseshare.sharing;
