package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQS's batch operations (SendMessageBatch, DeleteMessageBatch, ChangeMessageVisibilityBatch): 1 to 10 entries with
 * distinct ids, each done as its single operation would be; an entry's error is reported in {@code Failed} with its
 * code and {@code SenderFault}, the others still succeed. A batch that is empty, too large or has repeated or
 * malformed ids fails as a whole.
 */
final class SqsBatches {

    private static final int MAX_ENTRIES = 10;
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry's work; its result fields go into {@code Successful}. */
    interface Entry {
        void run(JsonNode entry, ObjectNode result) throws SqsException;
    }

    private SqsBatches() {
    }

    static ObjectNode run(JsonNode request, Entry work) throws SqsException {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new SqsException("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                    "There should be at least one entry in the request.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new SqsException("TooManyEntriesInBatchRequest",
                    "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400,
                    "Maximum number of entries per request are " + MAX_ENTRIES + ". You have sent "
                            + entries.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText("");
            if (!ENTRY_ID.matcher(id).matches()) {
                throw new SqsException("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400,
                        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                                + "It can be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw new SqsException("BatchEntryIdsNotDistinct",
                        "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, "Id " + id + " repeated.");
            }
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode entry : entries) {
            ObjectNode result = JSON.createObjectNode().put("Id", entry.path("Id").asText());
            try {
                work.run(entry, result);
                successful.add(result);
            } catch (SqsException e) {
                if (e.type().equals("QueueDoesNotExist")) {
                    throw e;
                }
                failed.addObject().put("Id", entry.path("Id").asText()).put("SenderFault", e.status() < 500)
                        .put("Code", e.queryCode()).put("Message", e.getMessage());
            }
        }
        return out;
    }
}
