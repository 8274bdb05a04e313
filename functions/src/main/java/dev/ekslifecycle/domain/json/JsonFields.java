package dev.ekslifecycle.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.domain.FieldPath;
import dev.ekslifecycle.domain.KubernetesVersion;
import dev.ekslifecycle.domain.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of one JSON object, read by name. Fields it was not told about are reported as unknown; a value of the
 * wrong type is reported and read as absent (or as the default), so reading always goes on to the end and every
 * problem of the document is found. JSON {@code null} counts as absent.
 */
final class JsonFields {

    private final JsonNode node;
    private final FieldPath path;
    private final Problems problems;

    private JsonFields(JsonNode node, FieldPath path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The object at {@code path}, or null (reported) when the value is not an object. */
    static JsonFields of(JsonNode node, FieldPath path, Problems problems, Set<String> known) {
        if (!node.isObject()) {
            problems.add(path, "must be an object");
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path.field(name), "is not a known field");
            }
        }
        return new JsonFields(node, path, problems);
    }

    String string(String name) {
        return text(value(name), path.field(name));
    }

    boolean bool(String name, boolean absent) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            problems.add(path.field(name), "must be true or false");
            return absent;
        }
        return v.booleanValue();
    }

    Integer integer(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(path.field(name), "must be a whole number");
            return null;
        }
        return v.intValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E absent) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        String wanted = text(v, path.field(name));
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        problems.add(path.field(name), "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    /** A version given as a string: a JSON number would turn 1.30 into 1.3. */
    KubernetesVersion version(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(path.field(name), "must be a string such as \"1.31\"");
            return null;
        }
        try {
            return KubernetesVersion.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(path.field(name), e.getMessage());
            return null;
        }
    }

    /** A list of strings; an element of another type is reported and kept as null so that indexes stay true. */
    List<String> strings(String name) {
        return list(name, (element, at) -> text(element, at));
    }

    /** A list of objects, each read by {@code read}; an element that is not an object is reported and kept as null. */
    <T> List<T> objects(String name, Set<String> known, Function<JsonFields, T> read) {
        return list(name, (element, at) -> {
            JsonFields fields = of(element, at, problems, known);
            return fields == null ? null : read.apply(fields);
        });
    }

    /** An object-valued field, or null when absent or not an object. */
    JsonFields object(String name, Set<String> known) {
        JsonNode v = value(name);
        return v == null ? null : of(v, path.field(name), problems, known);
    }

    /** A map of strings to strings (tags, labels); a value of another type is reported and dropped. */
    Map<String, String> stringMap(String name) {
        JsonNode v = value(name);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null) {
            return map;
        }
        if (!v.isObject()) {
            problems.add(path.field(name), "must be an object of strings");
            return map;
        }
        v.fields().forEachRemaining(e -> {
            String text = text(e.getValue(), path.field(name).key(e.getKey()));
            if (text != null) {
                map.put(e.getKey(), text);
            }
        });
        return map;
    }

    private <T> List<T> list(String name, BiFunction<JsonNode, FieldPath, T> element) {
        JsonNode v = value(name);
        List<T> list = new ArrayList<>();
        if (v == null) {
            return list;
        }
        if (!v.isArray()) {
            problems.add(path.field(name), "must be an array");
            return list;
        }
        for (int i = 0; i < v.size(); i++) {
            list.add(element.apply(v.get(i), path.field(name).index(i)));
        }
        return list;
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private String text(JsonNode v, FieldPath at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(at, "must be a string");
            return null;
        }
        return v.textValue();
    }
}
