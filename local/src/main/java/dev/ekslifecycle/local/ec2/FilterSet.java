package dev.ekslifecycle.local.ec2;

import dev.ekslifecycle.local.query.QueryError;
import dev.ekslifecycle.local.query.QueryParameters.Filter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The filters one Describe call understands, EC2's way: each named filter matches when any of its values matches
 * (with {@code *} and {@code ?} wildcards), all filters must match, {@code tag:Key}, {@code tag-key} and
 * {@code tag-value} work on every resource, and an unknown filter name is an error.
 */
final class FilterSet<T> {

    private final Map<String, Function<T, Collection<String>>> attributes;
    private final Function<T, Map<String, String>> tags;

    FilterSet(Map<String, Function<T, Collection<String>>> attributes, Function<T, Map<String, String>> tags) {
        this.attributes = attributes;
        this.tags = tags;
    }

    /** Rejects unknown filter names before anything is matched. */
    void validate(List<Filter> filters) {
        for (Filter f : filters) {
            boolean known = attributes.containsKey(f.name()) || f.name().startsWith("tag:")
                    || f.name().equals("tag-key") || f.name().equals("tag-value");
            if (!known) {
                throw new QueryError("InvalidParameterValue", 400, "The filter '" + f.name() + "' is invalid");
            }
        }
    }

    boolean matches(T item, List<Filter> filters) {
        for (Filter f : filters) {
            if (!matchesOne(valuesOf(item, f.name()), f.values())) {
                return false;
            }
        }
        return true;
    }

    private Collection<String> valuesOf(T item, String name) {
        if (name.startsWith("tag:")) {
            String value = tags.apply(item).get(name.substring(4));
            return value == null ? List.of() : List.of(value);
        }
        if (name.equals("tag-key")) {
            return tags.apply(item).keySet();
        }
        if (name.equals("tag-value")) {
            return tags.apply(item).values();
        }
        return attributes.get(name).apply(item);
    }

    private static boolean matchesOne(Collection<String> actual, List<String> wanted) {
        for (String w : wanted) {
            Pattern p = glob(w);
            for (String a : actual) {
                if (a != null && p.matcher(a).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
