package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataBindings;
import dev.ekslifecycle.local.stepfunctions.paths.PathScope;
import java.time.Instant;
import java.util.Map;

/** What a state's expressions read besides its data: the context object, the variables in scope and the time. */
public interface StateEnvironment {

    /** The context object ({@code $$} / {@code $states.context}); implementations build it lazily. */
    JsonNode context();

    /** One top-level member of the context object; implementations may build only that member. */
    default JsonNode contextMember(String name) {
        return context().get(name);
    }

    /** The variables visible to the state, read-only. */
    Map<String, JsonNode> variables();

    Instant now();

    /** A JSONPath scope reading {@code input} as {@code $}. */
    default PathScope pathScope(JsonNode input) {
        StateEnvironment env = this;
        return new PathScope() {
            @Override
            public JsonNode input() {
                return input;
            }

            @Override
            public JsonNode context() {
                return env.context();
            }

            @Override
            public JsonNode contextMember(String name) {
                return env.contextMember(name);
            }

            @Override
            public JsonNode variable(String name) {
                return env.variables().get(name);
            }
        };
    }

    /** JSONata bindings with {@code $states.input} = {@code input}. */
    default JsonataBindings jsonata(JsonNode input) {
        return new JsonataBindings(input, context(), null, null, variables(), now());
    }
}
