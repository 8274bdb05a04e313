package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.paths.ValuePath;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A JSONPath Choice comparison such as {@code "Variable": "$.n", "NumericGreaterThanPath": "$.limit"}. A value of
 * the wrong type makes the comparison false; a missing variable is an error except for {@code IsPresent}.
 */
final class Comparison implements Condition {

    enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, MATCHES, IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING, IS_BOOLEAN,
        IS_TIMESTAMP }

    enum Relation { EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS }

    private final ValuePath variable;
    private final Kind kind;
    private final Relation relation;
    private final JsonNode operand;
    private final ValuePath operandPath;

    Comparison(ValuePath variable, Kind kind, Relation relation, JsonNode operand, ValuePath operandPath) {
        this.variable = variable;
        this.kind = kind;
        this.relation = relation;
        this.operand = operand;
        this.operandPath = operandPath;
    }

    @Override
    public boolean test(JsonNode input, StateEnvironment env) {
        JsonNode value = variable.select(env.pathScope(input));
        if (kind == Kind.IS_PRESENT) {
            return (value != null) == operand.booleanValue();
        }
        if (value == null) {
            throw dev.ekslifecycle.local.stepfunctions.errors.StatesError.runtime("Invalid path '" + variable
                    + "': The choice state's condition path references an invalid value.");
        }
        switch (kind) {
            case IS_NULL:
                return value.isNull() == operand.booleanValue();
            case IS_NUMERIC:
                return value.isNumber() == operand.booleanValue();
            case IS_STRING:
                return value.isTextual() == operand.booleanValue();
            case IS_BOOLEAN:
                return value.isBoolean() == operand.booleanValue();
            case IS_TIMESTAMP:
                return (value.isTextual() && timestamp(value.textValue()) != null) == operand.booleanValue();
            default:
                break;
        }
        JsonNode other = operandPath == null ? operand : operandPath.read(env.pathScope(input), "Choice");
        Integer order = switch (kind) {
            case STRING -> value.isTextual() && other.isTextual() ? value.textValue().compareTo(other.textValue())
                    : null;
            case NUMERIC -> value.isNumber() && other.isNumber() ? number(value).compareTo(number(other)) : null;
            case BOOLEAN -> value.isBoolean() && other.isBoolean()
                    ? (value.booleanValue() == other.booleanValue() ? 0 : 1) : null;
            case TIMESTAMP -> compareTimestamps(value, other);
            case MATCHES -> value.isTextual() && other.isTextual() && matches(value.textValue(), other.textValue())
                    ? 0 : 1;
            default -> null;
        };
        if (order == null) {
            return false;
        }
        return switch (relation) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case GREATER_THAN -> order > 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }

    private static BigDecimal number(JsonNode n) {
        return n.decimalValue();
    }

    private static Integer compareTimestamps(JsonNode a, JsonNode b) {
        if (!a.isTextual() || !b.isTextual()) {
            return null;
        }
        OffsetDateTime x = timestamp(a.textValue());
        OffsetDateTime y = timestamp(b.textValue());
        return x == null || y == null ? null : x.toInstant().compareTo(y.toInstant());
    }

    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code StringMatches}: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    static boolean matches(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
