package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.KeyAttribute;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import java.util.Map;
import java.util.TreeMap;

/** The {@code TableDescription} DynamoDB returns from CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriptions {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table, String status) {
        TableSchema s = table.schema();
        ObjectNode d = F.objectNode();
        ArrayNode defs = d.putArray("AttributeDefinitions");
        new TreeMap<>(s.attributeDefinitions()).forEach((name, type) ->
                defs.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        d.put("TableName", s.name());
        d.set("KeySchema", keySchema(s.hashKey(), s.rangeKey()));
        d.put("TableStatus", status);
        d.put("CreationDateTime", s.created().toEpochMilli() / 1000.0);
        d.set("ProvisionedThroughput", throughput(s));
        d.put("TableSizeBytes", table.sizeBytes());
        d.put("ItemCount", table.itemCount());
        d.put("TableArn", s.arn());
        d.put("TableId", s.tableId());
        if (s.billingMode().equals("PAY_PER_REQUEST")) {
            d.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", s.created().toEpochMilli() / 1000.0);
        }
        ArrayNode globals = F.arrayNode();
        ArrayNode locals = F.arrayNode();
        for (IndexSchema i : s.indexes()) {
            ObjectNode n = (i.local() ? locals : globals).addObject();
            n.put("IndexName", i.name());
            n.set("KeySchema", keySchema(i.hashKey(), i.rangeKey()));
            n.set("Projection", projection(i));
            if (!i.local()) {
                n.put("IndexStatus", "ACTIVE");
                n.set("ProvisionedThroughput", throughput(s));
            }
            n.put("IndexSizeBytes", 0);
            n.put("ItemCount", 0);
            n.put("IndexArn", s.arn() + "/index/" + i.name());
        }
        if (!globals.isEmpty()) {
            d.set("GlobalSecondaryIndexes", globals);
        }
        if (!locals.isEmpty()) {
            d.set("LocalSecondaryIndexes", locals);
        }
        d.put("DeletionProtectionEnabled", false);
        return d;
    }

    private static ObjectNode throughput(TableSchema s) {
        return F.objectNode().put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", s.readCapacity()).put("WriteCapacityUnits", s.writeCapacity());
    }

    private static ArrayNode keySchema(KeyAttribute hash, KeyAttribute range) {
        ArrayNode a = F.arrayNode();
        a.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) {
            a.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
        return a;
    }

    private static ObjectNode projection(IndexSchema i) {
        ObjectNode p = F.objectNode().put("ProjectionType", i.projectionType());
        if (!i.nonKeyAttributes().isEmpty()) {
            ArrayNode a = p.putArray("NonKeyAttributes");
            i.nonKeyAttributes().forEach(a::add);
        }
        return p;
    }

    static ObjectNode tags(Map<String, String> tags) {
        ObjectNode out = F.objectNode();
        ArrayNode a = out.putArray("Tags");
        new TreeMap<>(tags).forEach((k, v) -> a.addObject().put("Key", k).put("Value", v));
        return out;
    }
}
