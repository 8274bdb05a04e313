package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource on table ARNs. */
final class TagOperations {

    private final Tables tables;

    TagOperations(Tables tables) {
        this.tables = tables;
    }

    ObjectNode tagResource(JsonNode request) {
        Table table = byArn(request);
        Map<String, String> tags = new LinkedHashMap<>(table.schema().tags());
        for (JsonNode tag : Requests.required(request, "Tags", "tags")) {
            tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        if (tags.size() > 50) {
            throw DynamoDbException.validation("One or more parameter values were invalid: The number of tags "
                    + "exceeds the limit of 50");
        }
        tables.database().changeSchema(table, table.schema().withTags(tags));
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode untagResource(JsonNode request) {
        Table table = byArn(request);
        Map<String, String> tags = new LinkedHashMap<>(table.schema().tags());
        for (JsonNode key : Requests.required(request, "TagKeys", "tagKeys")) {
            tags.remove(key.asText());
        }
        tables.database().changeSchema(table, table.schema().withTags(tags));
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode listTagsOfResource(JsonNode request) {
        return TableDescriptions.tags(byArn(request).schema().tags());
    }

    private Table byArn(JsonNode request) {
        String arn = Requests.requiredString(request, "ResourceArn", "resourceArn");
        int slash = arn.indexOf(":table/");
        if (!arn.startsWith("arn:aws:dynamodb:") || slash < 0) {
            throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        Table table = tables.database().table(arn.substring(slash + ":table/".length()));
        if (table == null || !table.schema().arn().equals(arn)) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: ResourceArn: " + arn
                    + " not found");
        }
        return table;
    }
}
