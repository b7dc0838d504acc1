package org.caseshare.audit.merkle;

import java.util.function.BiPredicate;

/** Checks a signature made by one trusted {@link CheckpointSigner}. */
public interface CheckpointVerifier {

    /** The key name the signature line must carry. */
    String keyName();

    /** The key id the signature line must carry. */
    int keyId();

    /** Whether {@code signature} is a valid signature of {@code note}; never throws for bad input. */
    boolean verify(byte[] note, byte[] signature);

    /** A verifier from its parts, so a key held by another module can verify without depending on us. */
    static CheckpointVerifier of(String keyName, int keyId, BiPredicate<byte[], byte[]> check) {
        NoteSignature.requireKeyName(keyName);
        return new CheckpointVerifier() {
            @Override
            public String keyName() {
                return keyName;
            }

            @Override
            public int keyId() {
                return keyId;
            }

            @Override
            public boolean verify(byte[] note, byte[] signature) {
                return check.test(note, signature);
            }
        };
    }

}
