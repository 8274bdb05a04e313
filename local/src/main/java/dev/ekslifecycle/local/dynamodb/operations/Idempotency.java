package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * TransactWriteItems' ClientRequestToken: a repeat of a successful request with the same token within ten minutes
 * of the clock returns the first result without running again; a different request with the same token is an
 * IdempotentParameterMismatchException. Requests with one token run one at a time.
 */
final class Idempotency {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    Idempotency(Clock clock) {
        this.clock = clock;
    }

    private record Entry(JsonNode request, ObjectNode response, Instant at) {
    }

    ObjectNode run(JsonNode request, Supplier<ObjectNode> operation) {
        JsonNode tokenNode = request.get("ClientRequestToken");
        if (tokenNode == null || tokenNode.isNull()) {
            return operation.get();
        }
        String token = tokenNode.asText();
        if (token.isEmpty() || token.length() > 36) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + token + "' at "
                    + "'clientRequestToken' failed to satisfy constraint: Member must have length less than or "
                    + "equal to 36");
        }
        synchronized (this) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> e.at.plus(WINDOW).isBefore(now));
            Entry previous = entries.get(token);
            if (previous != null) {
                if (!previous.request.equals(request)) {
                    throw DynamoDbException.of("IdempotentParameterMismatchException", 400,
                            "Request parameters do not match the original request with the same client token");
                }
                return previous.response.deepCopy();
            }
            ObjectNode response = operation.get();
            entries.put(token, new Entry(request.deepCopy(), response.deepCopy(), now));
            return response;
        }
    }
}
