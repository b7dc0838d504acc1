/**
 * Backup and restore (docs/adr/0015-backup-and-restore.md): an online, consistent, encrypted copy of
 * the database (one read-only snapshot transaction, portable over H2 and PostgreSQL) and of the blob
 * store, with a MACed manifest of counts and hashes; and its restore onto an empty database and an
 * empty blob store, checked in full before anything is written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore")
package org.caseshare.backup;
