package dev.ekslifecycle.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only copies for the spec records. Unlike {@code List.copyOf} they keep null elements: a spec read from bad
 * JSON holds nulls where values were unusable, so that the validator can still look at everything else.
 */
final class Frozen {

    private Frozen() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
