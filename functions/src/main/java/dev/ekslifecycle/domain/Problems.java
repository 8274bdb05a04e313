package dev.ekslifecycle.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems in the order they are found, at most one per path: the first reason for a path wins. That lets
 * the JSON reader flag a value of the wrong type and the validator then skip the "is required" it would otherwise
 * report for the same, now missing, value.
 */
public final class Problems {

    private final Map<String, String> byPath = new LinkedHashMap<>();

    public void add(FieldPath path, String reason) {
        byPath.putIfAbsent(path.toString(), reason);
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    public List<Problem> list() {
        List<Problem> problems = new ArrayList<>(byPath.size());
        byPath.forEach((path, reason) -> problems.add(new Problem(path, reason)));
        return List.copyOf(problems);
    }
}
