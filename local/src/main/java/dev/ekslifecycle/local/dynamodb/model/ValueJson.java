package dev.ekslifecycle.local.dynamodb.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's JSON form of attribute values ({@code {"S": "x"}}, {@code {"N": "1"}}, ...) to and from
 * {@link Value}, with the checks DynamoDB makes on the way in: exactly one type, sets non-empty and without
 * duplicates, numbers in range, NULL only as true.
 */
public final class ValueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ValueJson() {
    }

    /** Reads an item or key: an object of attribute name to attribute value; null for a missing node. */
    public static Map<String, Value> readItem(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        Map<String, Value> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            item.put(e.getKey(), read(e.getValue()));
        }
        return item;
    }

    public static Value read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        String type = null;
        JsonNode content = null;
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            type = e.getKey();
            content = e.getValue();
            count++;
        }
        if (count == 0) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (count > 1) {
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        return switch (type) {
            case "S" -> new Value.S(text(content));
            case "N" -> new Value.N(Numbers.parse(text(content)));
            case "B" -> new Value.B(bytes(content));
            case "BOOL" -> new Value.Bool(bool(content));
            case "NULL" -> readNull(content);
            case "L" -> new Value.L(readList(content));
            case "M" -> new Value.M(readItem(content));
            case "SS" -> new Value.SS(readSet(content, "string", JsonNode::asText));
            case "NS" -> new Value.NS(readSet(content, "number", n -> Numbers.parse(text(n))));
            case "BS" -> new Value.BS(readSet(content, "binary", ValueJson::bytes));
            default -> throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    private static Value readNull(JsonNode content) {
        if (!bool(content)) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return new Value.Null();
    }

    private static List<Value> readList(JsonNode content) {
        if (!content.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        List<Value> values = new ArrayList<>(content.size());
        for (JsonNode element : content) {
            values.add(read(element));
        }
        return values;
    }

    private interface ElementReader<T> {
        T read(JsonNode node);
    }

    private static <T> Set<T> readSet(JsonNode content, String kind, ElementReader<T> reader) {
        if (!content.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        if (content.isEmpty()) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        Set<T> values = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        boolean duplicate = false;
        for (JsonNode element : content) {
            texts.add(element.asText());
            duplicate |= !values.add(reader.read(element));
        }
        if (duplicate) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: Input collection " + texts + " contains duplicates.");
        }
        return values;
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw DynamoDbException.serialization("NUMBER_VALUE cannot be converted to String");
        }
        return node.asText();
    }

    private static Bytes bytes(JsonNode node) {
        try {
            return Bytes.fromBase64(text(node));
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + node.asText().length());
        }
    }

    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw DynamoDbException.serialization("Unexpected value type in payload");
    }

    /**
     * An item or key in DynamoDB's JSON form, as a node that writes itself straight to the generator when the
     * response (or log record) around it is serialized: no tree of nodes per attribute on the way out.
     */
    public static JsonNode writeItem(Map<String, Value> item) {
        return F.pojoNode(new ItemJson(item));
    }

    private record ItemJson(Map<String, Value> item) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(gen, item);
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(gen, provider);
        }
    }

    private static void write(JsonGenerator gen, Map<String, Value> item) throws IOException {
        gen.writeStartObject();
        for (Map.Entry<String, Value> attribute : item.entrySet()) {
            gen.writeFieldName(attribute.getKey());
            write(gen, attribute.getValue());
        }
        gen.writeEndObject();
    }

    private static void write(JsonGenerator gen, Value value) throws IOException {
        gen.writeStartObject();
        switch (value.type()) {
            case S -> gen.writeStringField("S", ((Value.S) value).value());
            case N -> gen.writeStringField("N", Numbers.format(((Value.N) value).value()));
            case B -> gen.writeStringField("B", ((Value.B) value).value().toBase64());
            case BOOL -> gen.writeBooleanField("BOOL", ((Value.Bool) value).value());
            case NULL -> gen.writeBooleanField("NULL", true);
            case L -> {
                gen.writeArrayFieldStart("L");
                for (Value element : ((Value.L) value).values()) {
                    write(gen, element);
                }
                gen.writeEndArray();
            }
            case M -> {
                gen.writeFieldName("M");
                write(gen, ((Value.M) value).values());
            }
            case SS -> {
                gen.writeArrayFieldStart("SS");
                for (String element : ((Value.SS) value).values()) {
                    gen.writeString(element);
                }
                gen.writeEndArray();
            }
            case NS -> {
                gen.writeArrayFieldStart("NS");
                for (BigDecimal element : ((Value.NS) value).values()) {
                    gen.writeString(Numbers.format(element));
                }
                gen.writeEndArray();
            }
            case BS -> {
                gen.writeArrayFieldStart("BS");
                for (Bytes element : ((Value.BS) value).values()) {
                    gen.writeString(element.toBase64());
                }
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
    }
}
