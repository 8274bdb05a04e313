package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the JSON of a Task's parameters/results and the AWS SDK's model objects, field by field through
 * the SDK's own field metadata. Names are the model's member names in PascalCase ({@code Name},
 * {@code ResourcesVpcConfig}), as Step Functions' SDK integrations write them.
 */
final class SdkJson {

    private SdkJson() {
    }

    /** Fills {@code builder} (an SDK request or shape builder) from a JSON object. */
    static void fill(SdkPojo builder, JsonNode json, String where) {
        if (!json.isObject()) {
            throw invalid(where + " must be an object");
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            fields.put(pascal(f.memberName()), f);
        }
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            SdkField<?> field = fields.get(pascal(e.getKey()));
            if (field == null) {
                throw invalid("The field '" + e.getKey() + "' is not supported in " + where + "; supported: "
                        + fields.keySet());
            }
            field.set(builder, value(field, e.getValue(), where + "." + e.getKey()));
        }
    }

    private static Object value(SdkField<?> field, JsonNode json, String where) {
        if (json.isNull()) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, json, where);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            if (!json.isArray()) {
                throw invalid(where + " must be an array");
            }
            List<Object> out = new ArrayList<>();
            for (JsonNode element : json) {
                out.add(value(member, element, where + "[]"));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> out.put(e.getKey(), value(member, e.getValue(), where + "."
                    + e.getKey())));
            return out;
        }
        return scalar(type, json, where);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode json, String where) {
        if (type == MarshallingType.STRING) {
            return json.isTextual() ? json.textValue() : json.toString();
        }
        if (type == MarshallingType.INTEGER) {
            return json.asInt();
        }
        if (type == MarshallingType.LONG) {
            return json.asLong();
        }
        if (type == MarshallingType.BOOLEAN) {
            return json.asBoolean();
        }
        if (type == MarshallingType.DOUBLE) {
            return json.asDouble();
        }
        if (type == MarshallingType.FLOAT) {
            return (float) json.asDouble();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return json.decimalValue();
        }
        if (type == MarshallingType.SHORT) {
            return (short) json.asInt();
        }
        if (type == MarshallingType.BYTE) {
            return (byte) json.asInt();
        }
        if (type == MarshallingType.INSTANT) {
            return json.isNumber() ? Instant.ofEpochMilli((long) (json.asDouble() * 1000)) : Instant.parse(json.asText());
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String(json.isTextual() ? json.textValue() : Json.write(json));
        }
        if (type == MarshallingType.DOCUMENT) {
            return document(json);
        }
        throw invalid(where + " has a type the local executor cannot set: " + type);
    }

    /** The JSON of an SDK response or shape: PascalCase names, timestamps as ISO-8601 text, bytes as text. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return Json.NODES.nullNode();
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode out = Json.object();
            for (SdkField<?> f : pojo.sdkFields()) {
                Object v = f.getValueOrDefault(pojo);
                if (v != null && !(v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?> l
                        && l.isEmpty()) && !(v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?> m
                        && m.isEmpty())) {
                    out.set(pascal(f.memberName()), toJson(v));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = Json.array();
            list.forEach(v -> out.add(toJson(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = Json.object();
            map.forEach((k, v) -> out.set(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.integer(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.NODES.numberNode(new BigDecimal(n.toString()));
        }
        if (value instanceof Instant i) {
            return Json.NODES.textNode(i.toString());
        }
        if (value instanceof SdkBytes bytes) {
            return Json.NODES.textNode(bytes.asUtf8String());
        }
        if (value instanceof Document d) {
            return Json.parse(d.toString());
        }
        return Json.NODES.textNode(String.valueOf(value));
    }

    private static Document document(JsonNode json) {
        if (json.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> map.put(e.getKey(), document(e.getValue())));
            return Document.fromMap(map);
        }
        if (json.isArray()) {
            List<Document> list = new ArrayList<>();
            json.forEach(e -> list.add(document(e)));
            return Document.fromList(list);
        }
        if (json.isTextual()) {
            return Document.fromString(json.textValue());
        }
        if (json.isBoolean()) {
            return Document.fromBoolean(json.booleanValue());
        }
        if (json.isNumber()) {
            return Document.fromNumber(json.decimalValue());
        }
        return Document.fromNull();
    }

    static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static StatesError invalid(String message) {
        return StatesError.runtime(message);
    }
}
