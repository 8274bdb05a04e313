package dev.ekslifecycle.handlers;

import dev.ekslifecycle.workflow.StepInput;
import java.util.Map;

/** Reads a workflow step's input from the JSON object the state machine passes (see statemachines/). */
final class StepInputs {

    private StepInputs() {
    }

    static String action(Map<String, Object> event) {
        Object action = event.get("action");
        if (!(action instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("a workflow step needs an action, got " + event.keySet());
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static StepInput read(Map<String, Object> event) {
        Map<String, Object> error = event.get("error") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new StepInput(
                text(event, "operationId"),
                text(event, "clusterName"),
                text(event, "executionArn"),
                text(event, "nodegroup"),
                text(event, "fargateProfile"),
                Boolean.TRUE.equals(event.get("disableDeletionProtection")),
                text(error, "Error"),
                text(error, "Cause"),
                Boolean.TRUE.equals(event.get("releaseLock")));
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
