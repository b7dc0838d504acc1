package org.caseshare.audit.merkle;

import java.util.function.UnaryOperator;

/**
 * Signs the text of a note. The key name and key id travel in the signature line ({@code — name
 * base64(keyId || signature)}) so a verifier can pick the key it trusts.
 */
public interface CheckpointSigner {

    /** The name in the signature line: no spaces, no '+', not empty. */
    String keyName();

    /** The 4-byte key id, big-endian; for Ed25519 the C2SP id, see {@code org.caseshare.crypto}. */
    int keyId();

    /** The raw signature of the note text (UTF-8 bytes, ending in a newline). */
    byte[] sign(byte[] note);

    /** A signer from its parts, so a key held by another module can sign without depending on us. */
    static CheckpointSigner of(String keyName, int keyId, UnaryOperator<byte[]> signature) {
        NoteSignature.requireKeyName(keyName);
        return new CheckpointSigner() {
            @Override
            public String keyName() {
                return keyName;
            }

            @Override
            public int keyId() {
                return keyId;
            }

            @Override
            public byte[] sign(byte[] note) {
                return signature.apply(note);
            }
        };
    }

}
