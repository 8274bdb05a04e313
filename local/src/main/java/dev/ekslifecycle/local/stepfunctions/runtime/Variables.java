package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The workflow variables of one scope. A Parallel branch or Map iteration starts with a copy of its parent's
 * variables: it reads the outer values, and what it assigns stays inside it.
 */
final class Variables {

    private final Map<String, JsonNode> values;
    private final Map<String, JsonNode> readOnly;

    Variables() {
        this(new HashMap<>());
    }

    private Variables(Map<String, JsonNode> values) {
        this.values = values;
        this.readOnly = Collections.unmodifiableMap(values);
    }

    Variables childScope() {
        return new Variables(new HashMap<>(values));
    }

    Map<String, JsonNode> view() {
        return readOnly;
    }

    void assign(Map<String, JsonNode> assignments) {
        values.putAll(assignments);
    }
}
