package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.List;
import java.util.Map;

/**
 * A parsed condition or filter expression. A comparison with a missing attribute is false, except {@code <>},
 * which is true (a missing attribute is not equal to anything).
 */
public sealed interface Condition {

    boolean test(Map<String, Value> item);

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(Value a, Value b) {
            if (this == EQ || this == NE) {
                boolean equal = a != null && a.equals(b);
                return this == EQ ? equal : !equal;
            }
            if (a == null || b == null) {
                return false;
            }
            Integer c = KeyOrder.compareScalars(a, b);
            if (c == null) {
                return false;
            }
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }
    }

    record Compare(Comparator comparator, Operand left, Operand right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return comparator.holds(left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand operand, Operand lower, Operand upper) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value v = operand.evaluate(item);
            return Comparator.GE.holds(v, lower.evaluate(item)) && Comparator.LE.holds(v, upper.evaluate(item));
        }
    }

    record In(Operand operand, List<Operand> candidates) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value v = operand.evaluate(item);
            return v != null && candidates.stream().anyMatch(c -> v.equals(c.evaluate(item)));
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        public boolean test(Map<String, Value> item) {
            return !condition.test(item);
        }
    }

    record AttributeExists(DocumentPath path, boolean exists) implements Condition {
        public boolean test(Map<String, Value> item) {
            return (PathAccess.get(item, path) != null) == exists;
        }
    }

    record AttributeType(DocumentPath path, Operand type) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value v = PathAccess.get(item, path);
            return v != null && type.evaluate(item) instanceof Value.S s && v.type().name().equals(s.value());
        }
    }

    record BeginsWith(Operand operand, Operand prefix) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value v = operand.evaluate(item);
            Value p = prefix.evaluate(item);
            if (v instanceof Value.S s && p instanceof Value.S ps) {
                return s.value().startsWith(ps.value());
            }
            return v instanceof Value.B b && p instanceof Value.B pb && b.value().startsWith(pb.value());
        }
    }

    record Contains(Operand operand, Operand part) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value v = operand.evaluate(item);
            Value p = part.evaluate(item);
            if (v == null || p == null) {
                return false;
            }
            return switch (v.type()) {
                case S -> p instanceof Value.S ps && ((Value.S) v).value().contains(ps.value());
                case B -> p instanceof Value.B pb && ((Value.B) v).value().contains(pb.value());
                case SS, NS, BS -> Value.setElements(v).contains(p);
                case L -> ((Value.L) v).values().contains(p);
                default -> false;
            };
        }
    }
}
