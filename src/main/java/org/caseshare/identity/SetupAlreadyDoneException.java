package org.caseshare.identity;

/** First-run setup was attempted after a system administrator already exists. */
public class SetupAlreadyDoneException extends RuntimeException {
    public SetupAlreadyDoneException() {
        super("Caseshare has already been set up");
    }
}
