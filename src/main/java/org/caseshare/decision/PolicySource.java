package org.caseshare.decision;

/** How a policy version came to be in force. */
public enum PolicySource {
    DEFAULT("The shipped default: the guide"),
    UPLOADED("Uploaded as a file"),
    EDITED("Edited on the page"),
    REVERTED("Back to the shipped default");

    private final String label;

    PolicySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
