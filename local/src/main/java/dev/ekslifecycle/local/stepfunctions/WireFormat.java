package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.HistoryEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** How values are written in awsJson1_0 responses: dates as epoch seconds, payloads as JSON text, page tokens. */
final class WireFormat {

    private WireFormat() {
    }

    static JsonNode date(Instant instant) {
        return Json.NODES.numberNode(BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano() / 1_000_000, 3)));
    }

    static ObjectNode event(HistoryEvent event, boolean includeData) {
        ObjectNode out = Json.object();
        out.set("timestamp", date(event.timestamp()));
        out.put("type", event.type());
        out.put("id", event.id());
        out.put("previousEventId", event.previousEventId());
        String detailsName = event.detailsName();
        if (detailsName != null && !event.details().isEmpty()) {
            out.set(detailsName, details(event.details(), includeData));
        }
        return out;
    }

    private static ObjectNode details(Map<String, Object> details, boolean includeData) {
        ObjectNode out = Json.object();
        details.forEach((key, value) -> {
            if (value instanceof JsonNode payload) {
                if (includeData || key.equals("assignedVariables")) {
                    out.put(key, Json.write(payload));
                }
            } else if (value instanceof Map<?, ?> nested) {
                ObjectNode n = out.putObject(key);
                nested.forEach((k, v) -> n.set(String.valueOf(k), v instanceof JsonNode j
                        ? Json.NODES.textNode(Json.write(j)) : Json.MAPPER.valueToTree(v)));
            } else {
                out.set(key, Json.MAPPER.valueToTree(value));
            }
        });
        return out;
    }

    /** One page of {@code items} starting at the offset in {@code nextToken}. */
    static <T> Page<T> page(List<T> items, JsonNode request, int defaultSize) {
        int size = request.path("maxResults").asInt(0);
        if (size < 0 || size > 1000) {
            throw new StepFunctionsException("ValidationException", "maxResults must be between 0 and 1000");
        }
        if (size == 0) {
            size = defaultSize;
        }
        int from = 0;
        JsonNode token = request.get("nextToken");
        if (token != null && !token.isNull()) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(token.asText()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new StepFunctionsException("InvalidToken", "Invalid nextToken");
            }
            if (from < 0 || from > items.size()) {
                throw new StepFunctionsException("InvalidToken", "Invalid nextToken");
            }
        }
        int to = Math.min(items.size(), from + size);
        String next = to < items.size() ? Base64.getEncoder().encodeToString(String.valueOf(to)
                .getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(items.subList(from, to), next);
    }

    record Page<T>(List<T> items, String nextToken) {
        void writeToken(ObjectNode response) {
            if (nextToken != null) {
                response.put("nextToken", nextToken);
            }
        }
    }

    static ArrayNode array() {
        return Json.array();
    }
}
