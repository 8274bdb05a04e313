package dev.ekslifecycle.local.stepfunctions.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The details of one recorded history event, read-only: names and values side by side in one array, in the order
 * they were given. A STANDARD execution keeps hundreds of events for as long as it can be described; a
 * LinkedHashMap per event was most of that memory.
 */
final class EventDetails extends AbstractMap<String, Object> {

    private final Object[] namesAndValues;

    private EventDetails(Object[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    static Map<String, Object> copyOf(Map<String, Object> details) {
        if (details.isEmpty()) {
            return Map.of();
        }
        Object[] flat = new Object[details.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : details.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return new EventDetails(flat);
    }

    @Override
    public int size() {
        return namesAndValues.length / 2;
    }

    @Override
    public Object get(Object name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return EventDetails.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < namesAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= namesAndValues.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e = new SimpleImmutableEntry<>((String) namesAndValues[next],
                                namesAndValues[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}
