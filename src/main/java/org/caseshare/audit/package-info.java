/**
 * The append-only, tamper-evident audit log: every recorded change becomes a leaf of an RFC 9162
 * Merkle tree whose signed checkpoints and proofs let anyone check that no entry was altered,
 * removed or reordered.
 */
package org.caseshare.audit;
