/**
 * Audit: the append-only, tamper-evident trail of every security event and every change, which an
 * outsider holding only the public key and an exported checkpoint can verify.
 *
 * <p><b>Writing.</b> An entry commits in the same transaction as the change it records; if the entry
 * cannot be written, the change fails. The transaction writes it sealed and unsequenced
 * ({@code audit_pending}), touching no shared row; one sequencer at a time across the cluster gives
 * committed entries dense, unique sequence numbers in batches, about a poll (200 ms) after commit
 * (docs/adr/0012-audit-sequencer.md). Entries carry identifiers and field names, never personal data
 * in clear. Triggers reject UPDATE and DELETE (and TRUNCATE on PostgreSQL) on
 * {@code audit_entry} and {@code audit_checkpoint}; see docs/audit-postgresql-grants.md for the grants.
 *
 * <p><b>Leaf encoding, version 1.</b> Entry {@code seq} is leaf {@code seq - 1} of an RFC 9162 Merkle
 * tree (see {@code merkle}); its leaf data, all integers big-endian, is:
 * <pre>
 * 0x01                                   version
 * int64  seq
 * int64  occurred_at, microseconds since 1970-01-01T00:00:00Z
 * then for each of actor_id, organisation_id (lower-case UUID text), action, target, outcome,
 * client_address, details (the stored JSON text, keys sorted):
 *   int32 length of the UTF-8 bytes, or -1 for SQL NULL, followed by the bytes
 * </pre>
 * Fixed order and length prefixes make the encoding unambiguous; a new field or format means a new
 * version byte, never a change to version 1.
 *
 * <p><b>Entry seals.</b> Each entry is written with a seal: HMAC-SHA256, under a key every node shares
 * and the database holds only sealed under the master keyset, of {@code 0x81}, the entry's id, then
 * its fields as in the leaf data above (without seq). The sequencer checks the seal as it takes the
 * entry (a mismatch is recorded as {@code audit.entry-seal-broken}); verification checks the seals
 * of entries not yet sequenced, of entries no checkpoint covers yet, and of those in a range a failed
 * checkpoint points at, and names the ones that were changed. Entries written before seals have none.
 *
 * <p><b>Checkpoints.</b> After every {@code caseshare.audit.checkpoint-every-entries} entries, and
 * every {@code checkpoint-every} while entries arrive, the tree's size and root are signed with the
 * Ed25519 audit key as a C2SP signed note, stored in {@code audit_checkpoint} (one row per size) and
 * written to {@code checkpoint-dir}. Verification recomputes the tree from every entry and trusts only
 * signed notes. Decisions in docs/adr/0002-audit-checkpoints.md.
 *
 * <p><b>Receipts.</b> The person who acted (a partner acknowledging or downloading) can have a
 * receipt of their entry, named by the id {@link org.caseshare.audit.AuditTrail#record} returned:
 * the leaf data, an inclusion proof and the signed checkpoint, checked offline by
 * {@code caseshare verify-receipt} or by anyone's code following README's "Receipts a partner can
 * verify". Public keys are at {@code /.well-known/caseshare-audit-keys}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.caseshare.audit;
