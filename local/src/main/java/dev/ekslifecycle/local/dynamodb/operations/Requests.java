package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading request members from the JSON body, with DynamoDB's messages for missing or malformed ones. */
final class Requests {

    private Requests() {
    }

    static String string(JsonNode request, String member) {
        JsonNode n = request.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A required member; {@code memberPath} is how DynamoDB names it in messages, e.g. {@code tableName}. */
    static String requiredString(JsonNode request, String member, String memberPath) {
        String s = string(request, member);
        if (s == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + memberPath
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return s;
    }

    static JsonNode required(JsonNode request, String member, String memberPath) {
        JsonNode n = request.get(member);
        if (n == null || n.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + memberPath
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return n;
    }

    static boolean bool(JsonNode request, String member) {
        JsonNode n = request.get(member);
        return n != null && n.asBoolean(false);
    }

    /** An optional member that must be one of {@code allowed}; {@code fallback} when absent. */
    static String oneOf(JsonNode request, String member, String memberPath, List<String> allowed, String fallback) {
        String s = string(request, member);
        if (s == null) {
            return fallback;
        }
        if (!allowed.contains(s)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + s + "' at '" + memberPath
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return s;
    }

    /** An optional positive Limit; null when absent. */
    static Integer limit(JsonNode request) {
        JsonNode n = request.get("Limit");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || n.asInt() < 1) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + n.asText()
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return n.asInt();
    }

    static Map<String, Value> item(JsonNode request, String member) {
        return ValueJson.readItem(request.get(member));
    }

    /** The request's expression attribute names and values; {@code expressions} tells which expressions it has. */
    static ExpressionAttributes expressionAttributes(JsonNode request, String... expressions) {
        boolean any = false;
        for (String e : expressions) {
            any |= string(request, e) != null;
        }
        Map<String, String> names = null;
        JsonNode namesNode = request.get("ExpressionAttributeNames");
        if (namesNode != null && !namesNode.isNull()) {
            names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = namesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode valuesNode = request.get("ExpressionAttributeValues");
        Map<String, Value> values = valuesNode == null || valuesNode.isNull() ? null : ValueJson.readItem(valuesNode);
        return new ExpressionAttributes(names, values, any);
    }
}
