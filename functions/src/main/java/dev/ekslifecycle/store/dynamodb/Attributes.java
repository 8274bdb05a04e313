package dev.ekslifecycle.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Building and reading DynamoDB attribute values. Absent attributes read as null. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue instant(Instant value) {
        return s(value.toString());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Instant.parse(text);
    }

    static <E extends Enum<E>> E enumValue(Map<String, AttributeValue> item, String name, Class<E> type) {
        String text = string(item, name);
        return text == null ? null : Enum.valueOf(type, text);
    }

    /** Epoch seconds for the TTL attribute, rounded up so that an item never expires early. */
    static AttributeValue ttl(Instant at) {
        return n(at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0));
    }
}
