package dev.ekslifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.store.IdempotencyClaim;
import dev.ekslifecycle.store.IdempotencyKeyReusedException;
import dev.ekslifecycle.store.IdempotencyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} header: the first request with a key does the work and its response is kept for a
 * day; a retry with the same key and the same request gets that response again and starts nothing; the same key
 * with another request is refused with 422. Without the header, requests are not de-duplicated.
 */
final class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEEP_FOR = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;

    IdempotentRequests(IdempotencyStore store) {
        this.store = store;
    }

    ApiResponse handle(ApiRequest request, Function<ApiRequest, ApiResponse> work) {
        String key = request.header(HEADER).orElse(null);
        if (key == null) {
            return work.apply(request);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Problems.of(400, "Invalid Request", HEADER + " must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = request.method() + " " + request.path() + "?" + new java.util.TreeMap<>(request.query())
                + "\n" + request.mediaType() + "\n" + request.body();
        IdempotencyClaim claim;
        try {
            claim = store.claim(key, fingerprint, KEEP_FOR);
        } catch (IdempotencyKeyReusedException e) {
            return Problems.of(422, "Unprocessable Content",
                    HEADER + " " + key + " was used for a different request; use a new key for a new request");
        }
        if (claim instanceof IdempotencyClaim.Completed done) {
            return decode(done.result()).withHeader("Idempotent-Replayed", "true");
        }
        if (claim instanceof IdempotencyClaim.InProgress) {
            return Problems.of(409, "Conflict", "a request with " + HEADER + " " + key + " is still being processed");
        }
        ApiResponse response;
        try {
            response = work.apply(request);
        } catch (RuntimeException e) {
            store.abandon(key, fingerprint);
            throw e;
        }
        store.complete(key, fingerprint, encode(response));
        return response;
    }

    private static String encode(ApiResponse response) {
        ObjectNode out = ApiViews.JSON.createObjectNode();
        out.put("status", response.status());
        out.set("headers", ApiViews.JSON.valueToTree(response.headers()));
        out.put("body", response.body());
        return out.toString();
    }

    private static ApiResponse decode(String stored) {
        try {
            JsonNode node = ApiViews.JSON.readTree(stored);
            Map<String, String> headers = new LinkedHashMap<>();
            node.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new ApiResponse(node.get("status").asInt(), headers, node.get("body").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored idempotent response is unreadable", e);
        }
    }
}
