package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;

/** What a JSONPath-mode expression can read: the state's input, the context object and the variables in scope. */
public interface PathScope {

    JsonNode input();

    JsonNode context();

    /**
     * One top-level member of the context object ({@code Execution}, {@code State}, {@code Map}, ...), or null. A
     * scope may build just that member instead of the whole object.
     */
    default JsonNode contextMember(String name) {
        return context().get(name);
    }

    /** The variable's value, or null when no variable has that name. */
    JsonNode variable(String name);
}
