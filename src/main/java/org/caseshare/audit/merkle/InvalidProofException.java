package org.caseshare.audit.merkle;

/** A Merkle proof does not prove what it claims: the log or the proof has been tampered with. */
public class InvalidProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String message) {
        super(message);
    }

}
