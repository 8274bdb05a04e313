package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The workflow variables of one scope. A Parallel branch or Map iteration starts with a copy of its parent's
 * variables: it reads the outer values, and what it assigns stays inside it. The copy is made on the scope's first
 * assignment (the parent cannot assign while its branches run), so the many iterations that assign nothing share
 * their parent's values.
 */
final class Variables {

    private Map<String, JsonNode> values;
    private boolean own;
    private Map<String, JsonNode> readOnly;

    /** The top-level scope: empty until the first assignment. */
    Variables() {
        this(Map.of(), false);
    }

    private Variables(Map<String, JsonNode> values, boolean own) {
        this.values = values;
        this.own = own;
    }

    Variables childScope() {
        return new Variables(values, false);
    }

    Map<String, JsonNode> view() {
        if (readOnly == null) {
            readOnly = Collections.unmodifiableMap(values);
        }
        return readOnly;
    }

    void assign(Map<String, JsonNode> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        if (!own) {
            values = new HashMap<>(values);
            own = true;
            readOnly = null;
        }
        values.putAll(assignments);
    }
}
