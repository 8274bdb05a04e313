package dev.ekslifecycle.local.eks.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Records keyed by a path of names (region, cluster, child), sorted, so listings come out in a stable order and a
 * prefix selects, for example, the node groups of one cluster.
 */
final class Table<V> {

    private static final char SEPARATOR = '|';
    private final TreeMap<String, V> rows = new TreeMap<>();

    static String key(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    Optional<V> get(String... key) {
        return Optional.ofNullable(rows.get(key(key)));
    }

    void put(V value, String... key) {
        rows.put(key(key), value);
    }

    void remove(String... key) {
        rows.remove(key(key));
    }

    /** The rows whose key starts with these parts, in key order. */
    List<V> under(String... prefix) {
        String from = key(prefix) + SEPARATOR;
        return new ArrayList<>(rows.subMap(from, from + Character.MAX_VALUE).values());
    }

    void removeUnder(String... prefix) {
        String from = key(prefix) + SEPARATOR;
        rows.subMap(from, from + Character.MAX_VALUE).clear();
    }

    Collection<V> all() {
        return rows.values();
    }

    void clear() {
        rows.clear();
    }
}
