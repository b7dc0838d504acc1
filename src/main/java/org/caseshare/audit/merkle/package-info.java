/**
 * RFC 9162 (Certificate Transparency v2) Merkle tree hashing, inclusion and consistency proofs, and
 * C2SP signed-note checkpoints; plain Java with no Spring, so the same code runs in the application
 * and in the offline {@code audit verify} command.
 *
 * <p>Hashes are SHA-256, 32 bytes, passed as {@code byte[]} and always defensively copied. Leaf hash
 * = SHA-256(0x00 || entry), node hash = SHA-256(0x01 || left || right), empty tree = SHA-256("").
 * Signing is behind {@link org.caseshare.audit.merkle.CheckpointSigner} and
 * {@link org.caseshare.audit.merkle.CheckpointVerifier} so that this package never touches cipher
 * APIs; the Ed25519 keys live in {@code org.caseshare.crypto}.
 */
package org.caseshare.audit.merkle;
