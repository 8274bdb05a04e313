package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all its
 * expressions. Records which placeholders the expressions use, because DynamoDB refuses a request that defines one
 * it never uses.
 */
public final class ExpressionAttributes {

    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    /**
     * @param names null when the request has none
     * @param values null when the request has none
     * @param anyExpression whether the request carries at least one expression
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, Value> values, boolean anyExpression) {
        if (names != null && names.isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
        }
        if (!anyExpression && names != null) {
            throw DynamoDbException.validation(
                    "ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && values != null) {
            throw DynamoDbException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions");
        }
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    String name(String placeholder, ExpressionKind kind) {
        return lookup(names, usedNames, placeholder, kind,
                "An expression attribute name used in the document path is not defined; attribute name: ");
    }

    Value value(String placeholder, ExpressionKind kind) {
        return lookup(values, usedValues, placeholder, kind,
                "An expression attribute value used in expression is not defined; attribute value: ");
    }

    private static <T> T lookup(Map<String, T> defined, Set<String> used, String placeholder, ExpressionKind kind,
                                String undefinedMessage) {
        T found = defined.get(placeholder);
        if (found == null) {
            throw kind.invalid(undefinedMessage + placeholder);
        }
        used.add(placeholder);
        return found;
    }

    /** Throws DynamoDB's error for placeholders defined but not used; call after parsing every expression. */
    public void requireAllUsed() {
        unused("Names", names.keySet(), usedNames);
        unused("Values", values.keySet(), usedValues);
    }

    private static void unused(String what, Set<String> defined, Set<String> used) {
        Set<String> unused = new LinkedHashSet<>(defined);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttribute" + what
                    + " unused in expressions: keys: {" + String.join(", ", unused) + "}");
        }
    }
}
