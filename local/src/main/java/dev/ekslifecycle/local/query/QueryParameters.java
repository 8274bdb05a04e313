package dev.ekslifecycle.local.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form parameters of a query-protocol request. Lists are flattened the ec2 way ({@code InstanceId.1},
 * {@code Filter.1.Value.2}) or the awsQuery way ({@code InstanceIds.member.1}); both are read here.
 */
public final class QueryParameters {

    private final Map<String, String> values = new LinkedHashMap<>();

    public QueryParameters(Map<String, List<String>> form) {
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    }

    public String action() {
        return values.getOrDefault("Action", "");
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A required parameter, or a validation error naming it. */
    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw QueryError.missingParameter(name);
        }
        return v;
    }

    /** An optional integer parameter; a value that is not a number is a validation error. */
    public Optional<Integer> integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw QueryError.invalidParameter("Value '" + v + "' for " + name + " is not a valid integer");
        }
    }

    public Optional<Boolean> bool(String name) {
        return get(name).map(Boolean::parseBoolean);
    }

    /** The values of an ec2-style list {@code prefix.1}, {@code prefix.2}, ... in index order. */
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; values.containsKey(prefix + "." + i); i++) {
            out.add(values.get(prefix + "." + i));
        }
        return out;
    }

    /** The values of an awsQuery-style list {@code prefix.member.1}, ... */
    public List<String> members(String prefix) {
        return list(prefix + ".member");
    }

    /** The ec2 {@code Filter.N.Name} / {@code Filter.N.Value.M} list. */
    public List<Filter> filters() {
        List<Filter> out = new ArrayList<>();
        for (int i = 1; values.containsKey("Filter." + i + ".Name"); i++) {
            out.add(new Filter(values.get("Filter." + i + ".Name"), list("Filter." + i + ".Value")));
        }
        return out;
    }

    /** One ec2 filter: a name and the values any of which may match. */
    public record Filter(String name, List<String> values) {
    }
}
