package org.caseshare.sharing;

/** Why consent was not sought (DfE advice: it is not needed where there is a risk of harm). */
public enum ConsentNotSought {
    UNSAFE("Seeking consent would be unsafe"),
    WOULD_PREJUDICE("It would prejudice the prevention or detection of crime, or an investigation"),
    WOULD_CAUSE_DELAY("It would cause harmful delay"),
    OTHER("Another reason");

    private final String displayName;

    ConsentNotSought(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
