package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.KeyAttribute;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable and the TTL and tag operations. */
final class TableOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Tables tables;
    private final Clock clock;

    TableOperations(Tables tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    private Database db() {
        return tables.database();
    }

    ObjectNode createTable(JsonNode request, String region) {
        TableSchema schema = CreateTableRequests.parse(request, region, clock.instant());
        if (!db().create(schema)) {
            throw DynamoDbException.resourceInUse("Table already exists: " + schema.name());
        }
        return wrap("TableDescription", TableDescriptions.describe(db().table(schema.name()), "ACTIVE"));
    }

    ObjectNode describeTable(JsonNode request) {
        return wrap("Table", TableDescriptions.describe(tables.forTableRequest(request), "ACTIVE"));
    }

    ObjectNode deleteTable(JsonNode request) {
        Table table = tables.forTableRequest(request);
        ObjectNode description = TableDescriptions.describe(table, "DELETING");
        db().drop(table.schema().name());
        return wrap("TableDescription", description);
    }

    ObjectNode listTables(JsonNode request) {
        JsonNode limitNode = request.get("Limit");
        int limit = 100;
        if (limitNode != null && !limitNode.isNull()) {
            limit = limitNode.asInt();
            if (limit < 1 || limit > 100) {
                throw DynamoDbException.validation("1 validation error detected: Value '" + limit + "' at 'limit' "
                        + "failed to satisfy constraint: Member must have value "
                        + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
            }
        }
        String start = Requests.string(request, "ExclusiveStartTableName");
        List<String> names = db().tableNames();
        ObjectNode out = F.objectNode();
        ArrayNode page = out.putArray("TableNames");
        for (String name : names) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                out.put("LastEvaluatedTableName", page.get(page.size() - 1).asText());
                break;
            }
            page.add(name);
        }
        return out;
    }

    ObjectNode updateTable(JsonNode request) {
        Table table = tables.forTableRequest(request);
        TableSchema schema = table.schema();
        Map<String, ValueType> definitions = new LinkedHashMap<>(schema.attributeDefinitions());
        JsonNode newDefinitions = request.get("AttributeDefinitions");
        if (newDefinitions != null && !newDefinitions.isNull()) {
            definitions.putAll(CreateTableRequests.definitions(newDefinitions));
        }
        List<IndexSchema> indexes = new ArrayList<>(schema.indexes());
        KeyAttribute[] tableKeys = {schema.hashKey(), schema.rangeKey()};
        for (JsonNode update : CreateTableRequests.array(request, "GlobalSecondaryIndexUpdates")) {
            if (update.has("Create")) {
                IndexSchema created = CreateTableRequests.index(update.get("Create"), false, definitions, tableKeys);
                if (schema.index(created.name()) != null) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Index with name: "
                            + created.name() + " already exists");
                }
                indexes.add(created);
            } else if (update.has("Delete")) {
                String name = update.get("Delete").path("IndexName").asText();
                if (!indexes.removeIf(i -> !i.local() && i.name().equals(name))) {
                    throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + name
                            + " not found");
                }
            }
        }
        definitions.keySet().retainAll(CreateTableRequests.keyAttributes(tableKeys, indexes));
        TableSchema changed = schema.withIndexes(indexes, definitions);
        String billing = Requests.string(request, "BillingMode");
        JsonNode throughput = request.get("ProvisionedThroughput");
        if (billing != null || (throughput != null && !throughput.isNull())) {
            changed = changed.withBilling(billing == null ? schema.billingMode() : billing,
                    throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong(),
                    throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong());
        }
        db().changeSchema(table, changed);
        return wrap("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
    }

    ObjectNode updateTimeToLive(JsonNode request) {
        Table table = tables.forTableRequest(request);
        JsonNode spec = Requests.required(request, "TimeToLiveSpecification", "timeToLiveSpecification");
        boolean enable = spec.path("Enabled").asBoolean();
        String attribute = spec.path("AttributeName").asText();
        String current = table.schema().ttlAttribute();
        if (enable && current != null) {
            throw DynamoDbException.validation("TimeToLive is already enabled");
        }
        if (!enable && current == null) {
            throw DynamoDbException.validation("TimeToLive is already disabled");
        }
        db().changeSchema(table, table.schema().withTtl(enable ? attribute : null));
        ObjectNode out = F.objectNode();
        out.putObject("TimeToLiveSpecification").put("Enabled", enable).put("AttributeName", attribute);
        return out;
    }

    ObjectNode describeTimeToLive(JsonNode request) {
        Table table = tables.forTableRequest(request);
        String attribute = table.schema().ttlAttribute();
        ObjectNode out = F.objectNode();
        ObjectNode d = out.putObject("TimeToLiveDescription");
        d.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            d.put("AttributeName", attribute);
        }
        return out;
    }

    private static ObjectNode wrap(String member, ObjectNode value) {
        ObjectNode out = F.objectNode();
        out.set(member, value);
        return out;
    }
}
