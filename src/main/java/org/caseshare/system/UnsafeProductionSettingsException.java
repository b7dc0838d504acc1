package org.caseshare.system;

import java.util.List;

/** The production profile found settings that a service with several nodes must not run with. */
public class UnsafeProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeProductionSettingsException(List<String> problems) {
        super("Caseshare will not start in the production profile: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
