package dev.ekslifecycle.local.dynamodb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table schema as the write-ahead log stores it. */
final class SchemaJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    static ObjectNode write(TableSchema s) {
        ObjectNode n = F.objectNode();
        n.put("name", s.name()).put("arn", s.arn()).put("tableId", s.tableId())
                .put("created", s.created().toEpochMilli());
        n.set("hash", key(s.hashKey()));
        n.set("range", key(s.rangeKey()));
        ObjectNode defs = n.putObject("definitions");
        s.attributeDefinitions().forEach((k, v) -> defs.put(k, v.name()));
        var indexes = n.putArray("indexes");
        for (IndexSchema i : s.indexes()) {
            ObjectNode in = indexes.addObject();
            in.put("name", i.name()).put("local", i.local()).put("projection", i.projectionType());
            in.set("hash", key(i.hashKey()));
            in.set("range", key(i.rangeKey()));
            var nonKey = in.putArray("nonKey");
            i.nonKeyAttributes().forEach(nonKey::add);
        }
        n.put("billing", s.billingMode()).put("read", s.readCapacity()).put("write", s.writeCapacity());
        n.put("ttl", s.ttlAttribute());
        ObjectNode tags = n.putObject("tags");
        s.tags().forEach(tags::put);
        return n;
    }

    static TableSchema read(JsonNode n) {
        Map<String, ValueType> defs = new LinkedHashMap<>();
        n.get("definitions").fields().forEachRemaining(e -> defs.put(e.getKey(), ValueType.valueOf(e.getValue().asText())));
        List<IndexSchema> indexes = new ArrayList<>();
        for (JsonNode i : n.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            i.get("nonKey").forEach(a -> nonKey.add(a.asText()));
            indexes.add(new IndexSchema(i.get("name").asText(), i.get("local").asBoolean(), key(i.get("hash")),
                    key(i.get("range")), i.get("projection").asText(), nonKey));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        n.get("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        JsonNode ttl = n.get("ttl");
        return new TableSchema(n.get("name").asText(), n.get("arn").asText(), n.get("tableId").asText(),
                Instant.ofEpochMilli(n.get("created").asLong()), key(n.get("hash")), key(n.get("range")), defs,
                indexes, n.get("billing").asText(), n.get("read").asLong(), n.get("write").asLong(),
                ttl == null || ttl.isNull() ? null : ttl.asText(), tags);
    }

    private static JsonNode key(KeyAttribute k) {
        return k == null ? F.nullNode() : F.objectNode().put("name", k.name()).put("type", k.type().name());
    }

    private static KeyAttribute key(JsonNode n) {
        return n == null || n.isNull() ? null
                : new KeyAttribute(n.get("name").asText(), ValueType.valueOf(n.get("type").asText()));
    }
}
