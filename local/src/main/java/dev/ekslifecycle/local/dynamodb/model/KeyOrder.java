package dev.ekslifecycle.local.dynamodb.model;

import java.util.Comparator;

/**
 * The order of key values as DynamoDB sorts them: numbers by value, strings by their UTF-8 bytes (which is code
 * point order), binaries as unsigned bytes. {@link #ABSENT} stands for the missing sort key of a hash-only table
 * and sorts first.
 */
public final class KeyOrder implements Comparator<Value> {

    public static final KeyOrder INSTANCE = new KeyOrder();

    /** The sort key of an item in a table without one. */
    public static final Value ABSENT = new Value.Null();

    private KeyOrder() {
    }

    @Override
    public int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Value.Null || b instanceof Value.Null) {
            return a instanceof Value.Null ? (b instanceof Value.Null ? 0 : -1) : 1;
        }
        return switch (a.type()) {
            case S -> compareStrings(((Value.S) a).value(), ((Value.S) b).value());
            case N -> ((Value.N) a).value().compareTo(((Value.N) b).value());
            case B -> ((Value.B) a).value().compareTo(((Value.B) b).value());
            default -> throw new IllegalArgumentException("not a key type: " + a.type());
        };
    }

    /** Compares two scalars of the same type (S, N or B); null when the types differ or are not comparable. */
    public static Integer compareScalars(Value a, Value b) {
        if (a.type() != b.type() || !a.type().isScalarKeyType()) {
            return null;
        }
        return INSTANCE.compare(a, b);
    }

    /** Code point order, the same as the order of the strings' UTF-8 bytes. */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
