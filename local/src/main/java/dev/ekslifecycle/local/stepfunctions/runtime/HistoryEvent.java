package dev.ekslifecycle.local.stepfunctions.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an execution's history, with AWS's type ({@code TaskStateEntered}) and the fields of its details
 * object ({@code stateEnteredEventDetails}). Detail values are strings, numbers, booleans or {@code JsonNode}
 * payloads; the API writes payloads as JSON text, as AWS does.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type,
        Map<String, Object> details) {

    /** The name of the details member in GetExecutionHistory: {@code TaskStateEntered} → {@code stateEnteredEventDetails}. */
    public String detailsName() {
        return DetailsNames.of(type);
    }
}
