package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * PutEvents, validated as EventBridge does: 1 to 10 entries and 256 KB in total (sized as AWS documents it) for the
 * whole request; per entry the required Source, DetailType and Detail, a Detail that is a JSON object, no
 * {@code aws.} source, an existing bus. Failed entries get an ErrorCode and ErrorMessage in place, the others an
 * EventId; when no entry has all required fields the whole request fails.
 */
final class PutEventsOperation implements Operation {

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** AWS counts a given Time as 14 bytes. */
    private static final int TIME_BYTES = 14;
    private static final int MAX_DETAIL_TYPE = 128;

    private final EventBridge events;

    PutEventsOperation(EventBridge events) {
        this.events = events;
    }

    @Override
    public ObjectNode apply(JsonNode request) throws EventsException {
        JsonNode entries = Operation.members(request, "Entries", MAX_ENTRIES);
        long size = 0;
        boolean anyComplete = false;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
            anyComplete |= missingField(entry) == null;
        }
        if (size > MAX_REQUEST_BYTES) {
            throw EventsException.validation("Total size of the entries in the request is over the limit.");
        }
        if (!anyComplete) {
            throw EventsException.validation("Parameter Entries is not valid. Reason: no entry has the required "
                    + "Source, DetailType and Detail.");
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", put(entry));
            } catch (EventsException e) {
                failed++;
                result.put("ErrorCode", e.code()).put("ErrorMessage", e.getMessage());
            }
        }
        response.put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private String put(JsonNode entry) throws EventsException {
        String missing = missingField(entry);
        if (missing != null) {
            throw new EventsException("InvalidArgument",
                    "Parameter " + missing + " is not valid. Reason: " + missing + " is a required argument.");
        }
        String source = Operation.text(entry, "Source");
        String detailType = Operation.text(entry, "DetailType");
        if (detailType.length() > MAX_DETAIL_TYPE) {
            throw new EventsException("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType "
                    + "is longer than " + MAX_DETAIL_TYPE + " characters.");
        }
        if (source.startsWith("aws.")) {
            throw new EventsException("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        JsonNode detail = detail(Operation.text(entry, "Detail"));
        Instant time = entry.hasNonNull("Time") ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000))
                : null;
        return events.put(Operation.text(entry, "EventBusName"), source, detailType, detail,
                Operation.texts(entry, "Resources"), time);
    }

    private static JsonNode detail(String text) throws EventsException {
        try {
            JsonNode detail = JSON.readTree(text);
            if (detail != null && detail.isObject()) {
                return detail;
            }
        } catch (IOException e) {
            // reported below, as EventBridge reports any Detail that is not a JSON object
        }
        throw new EventsException("MalformedDetail", "Detail is malformed.");
    }

    private static String missingField(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            String v = Operation.text(entry, field);
            if (v == null || v.isEmpty()) {
                return field;
            }
        }
        return null;
    }

    /** The entry's size as EventBridge counts it toward the 256 KB request limit. */
    private static long entrySize(JsonNode entry) {
        long size = entry.hasNonNull("Time") ? TIME_BYTES : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            String v = Operation.text(entry, field);
            size += v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length;
        }
        for (String resource : Operation.texts(entry, "Resources")) {
            size += resource.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
