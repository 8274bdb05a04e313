package dev.ekslifecycle.local.stepfunctions.language;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that cannot run; the message names each state and problem, as AWS's InvalidDefinition does. */
public final class InvalidDefinitionException extends Exception {

    private final List<Diagnostic> diagnostics;

    public InvalidDefinitionException(List<Diagnostic> diagnostics) {
        super("Invalid State Machine Definition: '" + diagnostics.stream().map(Diagnostic::describe)
                .collect(Collectors.joining(", ")) + "'");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
