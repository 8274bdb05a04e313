package dev.ekslifecycle.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds update and condition expressions with a placeholder for every attribute name and value, so that no name
 * can clash with a DynamoDB reserved word and every placeholder made is used.
 */
final class Expression {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> nameByAttribute = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    /** The placeholder of an attribute name. */
    String name(String attribute) {
        return nameByAttribute.computeIfAbsent(attribute, a -> {
            String placeholder = "#a" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    /** A new placeholder for a value. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Expression set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
        return this;
    }

    /** SET when there is a value, else REMOVE. */
    Expression setOrRemove(String attribute, AttributeValue valueOrNull) {
        return valueOrNull == null ? remove(attribute) : set(attribute, valueOrNull);
    }

    /** SET with an expression of placeholders, such as {@code if_not_exists(#a0, :v1) + :v2}. */
    Expression setTo(String attribute, String expression) {
        sets.add(name(attribute) + " = " + expression);
        return this;
    }

    Expression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    String update() {
        StringBuilder b = new StringBuilder();
        if (!sets.isEmpty()) {
            b.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        return b.toString();
    }

    Map<String, String> names() {
        return names;
    }

    /** The values, or null when there are none (DynamoDB refuses an empty map). */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
