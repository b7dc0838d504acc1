package org.caseshare.system;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as a list an operator can work through, instead of a stack trace. */
class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsafeProductionSettingsException cause) {
        return new FailureAnalysis("Caseshare will not start in the production profile, because:\n"
                + cause.problems().stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n")),
                "Put the settings above right (environment variables, or arguments such as --caseshare.base-url=https://…), then start again."
                        + " Without the production profile Caseshare runs as a single node for trying it out.", cause);
    }
}
