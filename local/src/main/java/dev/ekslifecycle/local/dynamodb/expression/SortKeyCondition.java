package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;

/**
 * The sort-key part of a key condition, turned into a range of the partition's sorted map so a Query reads only
 * matching items. {@code begins_with} reads from the prefix on and stops at the first key without it.
 */
public record SortKeyCondition(Op op, Value first, Value second) {

    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** The lowest key that can match, or null for none. */
    public Value lower() {
        return switch (op) {
            case EQ, GT, GE, BETWEEN, BEGINS_WITH -> first;
            default -> null;
        };
    }

    public boolean lowerInclusive() {
        return op != Op.GT;
    }

    /** The highest key that can match, or null for none. */
    public Value upper() {
        return switch (op) {
            case EQ, LT, LE -> first;
            case BETWEEN -> second;
            default -> null;
        };
    }

    public boolean upperInclusive() {
        return op != Op.LT;
    }

    public boolean test(Value key) {
        return switch (op) {
            case EQ -> KeyOrder.INSTANCE.compare(key, first) == 0;
            case LT -> KeyOrder.INSTANCE.compare(key, first) < 0;
            case LE -> KeyOrder.INSTANCE.compare(key, first) <= 0;
            case GT -> KeyOrder.INSTANCE.compare(key, first) > 0;
            case GE -> KeyOrder.INSTANCE.compare(key, first) >= 0;
            case BETWEEN -> KeyOrder.INSTANCE.compare(key, first) >= 0 && KeyOrder.INSTANCE.compare(key, second) <= 0;
            case BEGINS_WITH -> key instanceof Value.S s ? s.value().startsWith(((Value.S) first).value())
                    : ((Value.B) key).value().startsWith(((Value.B) first).value());
        };
    }
}
