package dev.ekslifecycle.local.stepfunctions.runtime;

import java.util.Map;

/** Which details member of a history event each event type fills in, as in the Step Functions API model. */
final class DetailsNames {

    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("MapStateStarted", "mapStateStartedEventDetails"),
            Map.entry("MapIterationStarted", "mapIterationStartedEventDetails"),
            Map.entry("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
            Map.entry("MapIterationFailed", "mapIterationFailedEventDetails"),
            Map.entry("MapIterationAborted", "mapIterationAbortedEventDetails"),
            Map.entry("ExecutionAborted", "executionAbortedEventDetails"),
            Map.entry("ExecutionTimedOut", "executionTimedOutEventDetails"),
            Map.entry("MapStateFailed", ""),
            Map.entry("MapStateSucceeded", ""),
            Map.entry("MapStateAborted", ""),
            Map.entry("ParallelStateStarted", ""),
            Map.entry("ParallelStateSucceeded", ""),
            Map.entry("ParallelStateFailed", ""),
            Map.entry("ParallelStateAborted", ""),
            Map.entry("WaitStateAborted", ""));

    private DetailsNames() {
    }

    static String of(String type) {
        String special = SPECIAL.get(type);
        if (special != null) {
            return special.isEmpty() ? null : special;
        }
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
