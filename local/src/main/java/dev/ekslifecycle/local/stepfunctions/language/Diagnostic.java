package dev.ekslifecycle.local.stepfunctions.language;

/**
 * One problem in a definition, as ValidateStateMachineDefinition reports it: a code such as
 * {@code SCHEMA_VALIDATION_FAILED} or {@code MISSING_TRANSITION_TARGET}, a message and the JSON-pointer-like
 * location ({@code /States/Fetch/Next}).
 */
public record Diagnostic(String code, String message, String location) {

    /** The form AWS uses inside an InvalidDefinition message. */
    public String describe() {
        return code + ": " + message + (location.isEmpty() ? "" : " at " + location);
    }
}
