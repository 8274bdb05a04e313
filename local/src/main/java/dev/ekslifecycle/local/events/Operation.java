package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One EventBridge API operation: the JSON request in, the JSON response out. */
@FunctionalInterface
interface Operation {

    ObjectMapper JSON = new ObjectMapper();

    ObjectNode apply(JsonNode request) throws EventsException;

    /** A string field, or null when absent or null. */
    static String text(JsonNode request, String field) {
        JsonNode v = request.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<String> texts(JsonNode request, String field) {
        List<String> out = new ArrayList<>();
        request.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * A list parameter of 1 to {@code max} members.
     *
     * @throws EventsException ValidationException worded as AWS's request validation words it
     */
    static JsonNode members(JsonNode request, String field, int max) throws EventsException {
        JsonNode list = request.path(field);
        if (!list.isArray() || list.isEmpty() || list.size() > max) {
            throw EventsException.validation("1 validation error detected: Value at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1) + "' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + max
                    + " and greater than or equal to 1");
        }
        return list;
    }

    /**
     * Puts one page of {@code items} under {@code listField} and a {@code NextToken} when more follow. The token
     * is the index of the next item: lists are sorted by name, so it stays meaningful between calls.
     */
    static <T> ObjectNode page(JsonNode request, List<T> items, String listField, Function<T, JsonNode> render)
            throws EventsException {
        int limit = request.path("Limit").asInt(100);
        int from;
        try {
            from = request.hasNonNull("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
        } catch (NumberFormatException e) {
            throw EventsException.validation("The NextToken is not valid.");
        }
        if (limit < 1 || limit > 100 || from < 0) {
            throw EventsException.validation("Limit must be between 1 and 100 and NextToken must come from a "
                    + "previous call.");
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray(listField);
        int to = Math.min(items.size(), from + limit);
        for (int i = from; i < to; i++) {
            list.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return out;
    }
}
