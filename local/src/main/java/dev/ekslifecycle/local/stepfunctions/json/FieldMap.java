package dev.ekslifecycle.local.stepfunctions.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of one JSON object, in insertion order, as the executor's {@code ObjectNode}s hold them. States build
 * millions of small objects (Parameters, ResultPath copies, context members); two arrays scanned from the start
 * cost a fraction of a {@link LinkedHashMap}'s table and entry per field. Past {@value #LINEAR_LIMIT} fields the
 * object moves into a LinkedHashMap, so large documents keep constant-time lookups.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

    static final int LINEAR_LIMIT = 12;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    /** Holds the fields once there are more than {@link #LINEAR_LIMIT}; the arrays are dropped then. */
    private LinkedHashMap<String, JsonNode> large;
    private Set<Map.Entry<String, JsonNode>> entries;

    FieldMap(int expected) {
        if (expected > LINEAR_LIMIT) {
            large = new LinkedHashMap<>((int) (expected / 0.75f) + 1);
        } else {
            keys = new String[Math.max(2, expected)];
            values = new JsonNode[keys.length];
        }
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        if (large != null) {
            return large.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == LINEAR_LIMIT) {
            growLarge();
            return large.put(key, value);
        }
        if (size == keys.length) {
            int capacity = Math.min(LINEAR_LIMIT, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> other) {
        if (other instanceof FieldMap f && f.large == null) {
            for (int i = 0; i < f.size; i++) {
                put(f.keys[i], f.values[i]);
            }
        } else {
            super.putAll(other);
        }
    }

    @Override
    public JsonNode remove(Object key) {
        if (large != null) {
            return large.remove(key);
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        if (large != null) {
            large.clear();
        } else {
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
        }
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        if (large != null) {
            large.forEach(action);
        } else {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        if (entries == null) {
            entries = new Entries();
        }
        return entries;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int i) {
        int after = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, after);
        System.arraycopy(values, i + 1, values, i, after);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    private void growLarge() {
        large = new LinkedHashMap<>(LINEAR_LIMIT * 4);
        for (int i = 0; i < size; i++) {
            large.put(keys[i], values[i]);
        }
        keys = null;
        values = null;
        size = 0;
    }

    /** A live view: it follows the map into its LinkedHashMap form. */
    private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {
        @Override
        public int size() {
            return FieldMap.this.size();
        }

        @Override
        public Iterator<Map.Entry<String, JsonNode>> iterator() {
            return large != null ? large.entrySet().iterator() : new Fields();
        }
    }

    private final class Fields implements Iterator<Map.Entry<String, JsonNode>> {
        private int next;
        private int last = -1;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Field(keys[last], values[last]);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException("next() was not called, or remove() was called already");
            }
            removeAt(last);
            next = last;
            last = -1;
        }
    }

    /** An entry as it was when read; setting its value writes the field. */
    private final class Field extends SimpleEntry<String, JsonNode> {
        Field(String key, JsonNode value) {
            super(key, value);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            put(getKey(), value);
            return super.setValue(value);
        }
    }
}
