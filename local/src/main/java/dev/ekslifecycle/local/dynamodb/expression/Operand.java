package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.Map;

/** Something a condition compares: an attribute path, a value placeholder or {@code size(path)}. */
sealed interface Operand {

    /** The operand's value for {@code item}, or null when the attribute is missing. */
    Value evaluate(Map<String, Value> item);

    record Path(DocumentPath path) implements Operand {
        public Value evaluate(Map<String, Value> item) {
            return PathAccess.get(item, path);
        }
    }

    record Literal(Value value) implements Operand {
        public Value evaluate(Map<String, Value> item) {
            return value;
        }
    }

    record Size(DocumentPath path) implements Operand {
        public Value evaluate(Map<String, Value> item) {
            Value v = PathAccess.get(item, path);
            if (v == null) {
                return null;
            }
            int size = switch (v.type()) {
                case S -> ((Value.S) v).value().codePointCount(0, ((Value.S) v).value().length());
                case B -> ((Value.B) v).value().length();
                case L -> ((Value.L) v).values().size();
                case M -> ((Value.M) v).values().size();
                case SS, NS, BS -> Value.setElements(v).size();
                default -> -1;
            };
            return size < 0 ? null : new Value.N(java.math.BigDecimal.valueOf(size));
        }
    }
}
