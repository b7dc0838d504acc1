package org.caseshare.audit.merkle;

/** Checkpoint or signed-note text that does not follow the format, so it is refused unread. */
public class MalformedCheckpointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedCheckpointException(String message) {
        super(message);
    }

}
