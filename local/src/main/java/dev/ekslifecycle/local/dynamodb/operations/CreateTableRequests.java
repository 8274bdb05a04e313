package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.KeyAttribute;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns a CreateTable request into a {@link TableSchema}, with DynamoDB's checks and messages. */
final class CreateTableRequests {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final List<String> PROJECTIONS = List.of("ALL", "KEYS_ONLY", "INCLUDE");

    private CreateTableRequests() {
    }

    static TableSchema parse(JsonNode request, String region, Instant now) {
        String name = Requests.requiredString(request, "TableName", "tableName");
        checkTableName(name);
        Map<String, ValueType> definitions = definitions(Requests.required(request, "AttributeDefinitions",
                "attributeDefinitions"));
        KeyAttribute[] keys = keySchema(Requests.required(request, "KeySchema", "keySchema"), definitions);
        String billing = Requests.oneOf(request, "BillingMode", "billingMode",
                List.of("PROVISIONED", "PAY_PER_REQUEST"), "PROVISIONED");
        long[] throughput = throughput(request.get("ProvisionedThroughput"), billing);
        List<IndexSchema> indexes = new ArrayList<>();
        for (JsonNode gsi : array(request, "GlobalSecondaryIndexes")) {
            indexes.add(index(gsi, false, definitions, keys));
        }
        for (JsonNode lsi : array(request, "LocalSecondaryIndexes")) {
            indexes.add(index(lsi, true, definitions, keys));
        }
        checkIndexNamesUnique(indexes);
        checkAllDefinitionsUsed(definitions, keys, indexes);
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : array(request, "Tags")) {
            tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        String arn = "arn:aws:dynamodb:" + region + ":" + LocalAccount.ACCOUNT_ID + ":table/" + name;
        return new TableSchema(name, arn, UUID.randomUUID().toString(), now, keys[0], keys[1], definitions, indexes,
                billing, throughput[0], throughput[1], null, tags);
    }

    static void checkTableName(String name) {
        if (name.length() < 3 || name.length() > 255 || !TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + name + "' at 'tableName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
                    + " and have length between 3 and 255");
        }
    }

    static Iterable<JsonNode> array(JsonNode request, String member) {
        JsonNode n = request.get(member);
        return n == null || n.isNull() ? List.of() : n;
    }

    static Map<String, ValueType> definitions(JsonNode node) {
        Map<String, ValueType> out = new LinkedHashMap<>();
        for (JsonNode d : node) {
            ValueType t = ValueType.fromCode(d.path("AttributeType").asText());
            if (t == null || !t.isScalarKeyType()) {
                throw DynamoDbException.validation("1 validation error detected: Value '"
                        + d.path("AttributeType").asText() + "' at 'attributeDefinitions.member.attributeType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (out.put(d.path("AttributeName").asText(), t) != null) {
                throw DynamoDbException.validation("Cannot have two attributes with the same name");
            }
        }
        return out;
    }

    /** [hash, range-or-null] of a KeySchema member. */
    static KeyAttribute[] keySchema(JsonNode node, Map<String, ValueType> definitions) {
        KeyAttribute hash = null;
        KeyAttribute range = null;
        for (JsonNode k : node) {
            String attr = k.path("AttributeName").asText();
            ValueType type = definitions.get(attr);
            if (type == null) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Some index key "
                        + "attributes are not defined in AttributeDefinitions. Keys: [" + attr
                        + "], AttributeDefinitions: " + definitions.keySet());
            }
            String keyType = k.path("KeyType").asText();
            if (keyType.equals("HASH") && hash == null) {
                hash = new KeyAttribute(attr, type);
            } else if (keyType.equals("RANGE") && range == null && hash != null) {
                range = new KeyAttribute(attr, type);
            } else {
                throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key "
                        + "type");
            }
        }
        if (hash == null) {
            throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        return new KeyAttribute[] {hash, range};
    }

    private static long[] throughput(JsonNode node, String billing) {
        boolean given = node != null && !node.isNull();
        if (billing.equals("PAY_PER_REQUEST")) {
            if (given) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Neither "
                        + "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                        + "PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!given) {
            throw DynamoDbException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        return new long[] {node.path("ReadCapacityUnits").asLong(), node.path("WriteCapacityUnits").asLong()};
    }

    static IndexSchema index(JsonNode node, boolean local, Map<String, ValueType> definitions, KeyAttribute[] table) {
        String name = node.path("IndexName").asText();
        KeyAttribute[] keys = keySchema(node.path("KeySchema"), definitions);
        if (local && (table[1] == null || !keys[0].equals(table[0]) || keys[1] == null)) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Index KeySchema does not "
                    + "have a range key for index: " + name);
        }
        JsonNode projection = node.path("Projection");
        String type = projection.path("ProjectionType").asText("ALL");
        if (!PROJECTIONS.contains(type)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + type + "' at "
                    + "'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[ALL, INCLUDE, KEYS_ONLY]");
        }
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        if (!nonKey.isEmpty() && !type.equals("INCLUDE")) {
            throw DynamoDbException.validation("One or more parameter values were invalid: ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        return new IndexSchema(name, local, keys[0], keys[1], type, nonKey);
    }

    private static void checkIndexNamesUnique(List<IndexSchema> indexes) {
        Set<String> seen = new HashSet<>();
        for (IndexSchema i : indexes) {
            if (!seen.add(i.name())) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Duplicate index name: "
                        + i.name());
            }
        }
    }

    private static void checkAllDefinitionsUsed(Map<String, ValueType> definitions, KeyAttribute[] keys,
                                                List<IndexSchema> indexes) {
        if (!keyAttributes(keys, indexes).containsAll(definitions.keySet())) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Number of attributes in "
                    + "KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    /** The names of every key attribute of the table and its indexes. */
    static Set<String> keyAttributes(KeyAttribute[] keys, List<IndexSchema> indexes) {
        Set<String> used = new HashSet<>();
        used.add(keys[0].name());
        if (keys[1] != null) {
            used.add(keys[1].name());
        }
        for (IndexSchema i : indexes) {
            used.add(i.hashKey().name());
            if (i.rangeKey() != null) {
                used.add(i.rangeKey().name());
            }
        }
        return used;
    }
}
