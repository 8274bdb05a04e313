package dev.ekslifecycle.local.stepfunctions.language;

import java.util.Map;

/**
 * A parsed, validated definition: the top level of a state machine, a Parallel branch or a Map ItemProcessor.
 * Read one with {@link DefinitionReader#read}.
 */
public record StateMachineDefinition(String startAt, Map<String, State> states, QueryLanguage language,
        Integer timeoutSeconds) {

    public State state(String name) {
        return states.get(name);
    }
}
