package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import java.time.Clock;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * TransactWriteItems' ClientRequestToken: a repeat of a successful request with the same token within ten minutes
 * of the clock returns the first result without running again; a different request with the same token is an
 * IdempotentParameterMismatchException. The SDK sends a fresh token with every call, so an entry keeps only a
 * digest of the request, and expired entries leave from the oldest end.
 */
final class Idempotency {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    /** In the order the tokens were first used, which is also the order they expire in. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    Idempotency(Clock clock) {
        this.clock = clock;
    }

    private record Entry(byte[] requestDigest, ObjectNode response, Instant at) {
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
        byte[] digest = digest(request);
        synchronized (this) {
            Instant now = clock.instant();
            Instant oldest = now.minus(WINDOW);
            for (var it = entries.values().iterator(); it.hasNext() && it.next().at.isBefore(oldest); ) {
                it.remove();
            }
            Entry previous = entries.get(token);
            if (previous != null) {
                if (!Arrays.equals(previous.requestDigest, digest)) {
                    throw DynamoDbException.of("IdempotentParameterMismatchException", 400,
                            "Request parameters do not match the original request with the same client token");
                }
                return previous.response.deepCopy();
            }
            ObjectNode response = operation.get();
            entries.put(token, new Entry(digest, response.deepCopy(), now));
            return response;
        }
    }

    private static byte[] digest(JsonNode request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
