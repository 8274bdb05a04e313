package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;

/** What a JSONPath-mode expression can read: the state's input, the context object and the variables in scope. */
public interface PathScope {

    JsonNode input();

    JsonNode context();

    /** The variable's value, or null when no variable has that name. */
    JsonNode variable(String name);
}
