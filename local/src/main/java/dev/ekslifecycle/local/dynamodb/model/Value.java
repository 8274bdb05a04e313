package dev.ekslifecycle.local.dynamodb.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value. Immutable: an update builds new values and new items, so a reader holding an old
 * item never sees a half-done write. Numbers are normalised on the way in (see {@link Numbers}), so equal numbers
 * are equal {@link BigDecimal}s and set membership works.
 */
public sealed interface Value {

    ValueType type();

    record S(String value) implements Value {
        public ValueType type() {
            return ValueType.S;
        }
    }

    record N(BigDecimal value) implements Value {
        public ValueType type() {
            return ValueType.N;
        }
    }

    record B(Bytes value) implements Value {
        public ValueType type() {
            return ValueType.B;
        }
    }

    record Bool(boolean value) implements Value {
        public ValueType type() {
            return ValueType.BOOL;
        }
    }

    record Null() implements Value {
        public ValueType type() {
            return ValueType.NULL;
        }
    }

    record L(List<Value> values) implements Value {
        public L {
            values = List.copyOf(values);
        }

        public ValueType type() {
            return ValueType.L;
        }
    }

    record M(Map<String, Value> values) implements Value {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public ValueType type() {
            return ValueType.M;
        }
    }

    record SS(Set<String> values) implements Value {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public ValueType type() {
            return ValueType.SS;
        }
    }

    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public ValueType type() {
            return ValueType.NS;
        }
    }

    record BS(Set<Bytes> values) implements Value {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public ValueType type() {
            return ValueType.BS;
        }
    }

    /** The elements of a set value as values of the set's element type. */
    static List<Value> setElements(Value set) {
        if (set instanceof SS ss) {
            return ss.values().stream().<Value>map(S::new).toList();
        }
        if (set instanceof NS ns) {
            return ns.values().stream().<Value>map(N::new).toList();
        }
        if (set instanceof BS bs) {
            return bs.values().stream().<Value>map(B::new).toList();
        }
        throw new IllegalArgumentException("not a set: " + set.type());
    }
}
