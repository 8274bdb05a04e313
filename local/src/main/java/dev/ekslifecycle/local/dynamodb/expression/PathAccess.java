package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and copy-on-write changes of items along document paths. Items and values are never changed in place:
 * {@link #set} and {@link #remove} return new maps that share every untouched branch with the old item.
 */
public final class PathAccess {

    private PathAccess() {
    }

    /** The value at {@code path}, or null when any step is missing or of the wrong type. */
    public static Value get(Map<String, Value> item, DocumentPath path) {
        Value current = item.get(path.attribute());
        for (int i = 1; i < path.size() && current != null; i++) {
            current = child(current, path.get(i));
        }
        return current;
    }

    private static Value child(Value container, Object element) {
        if (element instanceof String name && container instanceof Value.M m) {
            return m.values().get(name);
        }
        if (element instanceof Integer index && container instanceof Value.L l) {
            return index < l.values().size() ? l.values().get(index) : null;
        }
        return null;
    }

    /**
     * A copy of {@code item} with {@code value} at {@code path}. Every step but the last must exist; an index past
     * the end of a list appends.
     */
    public static Map<String, Value> set(Map<String, Value> item, DocumentPath path, Value value) {
        Map<String, Value> copy = new LinkedHashMap<>(item);
        if (path.size() == 1) {
            copy.put(path.attribute(), value);
        } else {
            copy.put(path.attribute(), setIn(item.get(path.attribute()), path, 1, value));
        }
        return copy;
    }

    private static Value setIn(Value container, DocumentPath path, int i, Value value) {
        Object element = path.get(i);
        boolean last = i == path.size() - 1;
        if (element instanceof String name && container instanceof Value.M m) {
            Map<String, Value> values = new LinkedHashMap<>(m.values());
            values.put(name, last ? value : setIn(values.get(name), path, i + 1, value));
            return new Value.M(values);
        }
        if (element instanceof Integer index && container instanceof Value.L l) {
            List<Value> values = new ArrayList<>(l.values());
            if (last && index >= values.size()) {
                values.add(value);
            } else if (index < values.size()) {
                values.set(index, last ? value : setIn(values.get(index), path, i + 1, value));
            } else {
                throw invalidPath();
            }
            return new Value.L(values);
        }
        throw invalidPath();
    }

    /** A copy of {@code item} without the value at {@code path}; the same item when there is none. */
    public static Map<String, Value> remove(Map<String, Value> item, DocumentPath path) {
        if (get(item, path) == null) {
            if (path.size() > 1 && get(item, parent(path)) == null) {
                throw invalidPath();
            }
            return item;
        }
        Map<String, Value> copy = new LinkedHashMap<>(item);
        if (path.size() == 1) {
            copy.remove(path.attribute());
        } else {
            copy.put(path.attribute(), removeIn(item.get(path.attribute()), path, 1));
        }
        return copy;
    }

    private static Value removeIn(Value container, DocumentPath path, int i) {
        Object element = path.get(i);
        boolean last = i == path.size() - 1;
        if (container instanceof Value.M m) {
            Map<String, Value> values = new LinkedHashMap<>(m.values());
            if (last) {
                values.remove((String) element);
            } else {
                values.put((String) element, removeIn(values.get(element), path, i + 1));
            }
            return new Value.M(values);
        }
        Value.L l = (Value.L) container;
        List<Value> values = new ArrayList<>(l.values());
        int index = (Integer) element;
        if (last) {
            values.remove(index);
        } else {
            values.set(index, removeIn(values.get(index), path, i + 1));
        }
        return new Value.L(values);
    }

    private static DocumentPath parent(DocumentPath path) {
        return new DocumentPath(path.elements().subList(0, path.size() - 1));
    }

    static DynamoDbException invalidPath() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }
}
