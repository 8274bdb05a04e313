package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A resource's resolved properties (or a nested object of them) with typed access, where every wrong type, missing
 * value or unsupported property is a {@link TemplateException} naming the resource and the property.
 */
final class ResourceProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;
    private final Map<String, Object> values;

    ResourceProperties(String location, Map<String, Object> values) {
        this.location = location;
        this.values = values;
    }

    String location(String key) {
        return location + "." + key;
    }

    String location() {
        return location;
    }

    /**
     * Stops on any property that is neither {@code supported} (it has local behaviour) nor {@code accepted} (it
     * has none locally and is accepted on purpose, as documented).
     */
    ResourceProperties allowOnly(Set<String> supported, Set<String> accepted) {
        for (String key : values.keySet()) {
            if (!supported.contains(key) && !accepted.contains(key)) {
                throw new TemplateException(location(key), "not supported locally");
            }
        }
        return this;
    }

    /** The same properties without {@code key}. */
    ResourceProperties without(String key) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.remove(key);
        return new ResourceProperties(location, rest);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<String> text(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw new TemplateException(location(key), "expected a string, found " + v);
        }
        return Optional.of(String.valueOf(v));
    }

    String requiredText(String key) {
        return text(key).orElseThrow(() -> new TemplateException(location(key), "is required"));
    }

    Optional<Integer> integer(String key) {
        return text(key).map(t -> {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new TemplateException(location(key), "expected an integer, found " + t);
            }
        });
    }

    @SuppressWarnings("unchecked")
    Optional<ResourceProperties> object(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw new TemplateException(location(key), "expected a mapping, found " + v);
        }
        return Optional.of(new ResourceProperties(location(key), (Map<String, Object>) v));
    }

    /** A list of mappings; empty when absent. */
    @SuppressWarnings("unchecked")
    List<ResourceProperties> objects(String key) {
        List<?> list = list(key);
        List<ResourceProperties> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw new TemplateException(location(key) + "[" + i + "]", "expected a mapping");
            }
            out.add(new ResourceProperties(location(key) + "[" + i + "]", (Map<String, Object>) list.get(i)));
        }
        return out;
    }

    /** A list of strings; empty when absent. */
    List<String> texts(String key) {
        return list(key).stream().map(String::valueOf).toList();
    }

    private List<?> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new TemplateException(location(key), "expected a list, found " + v);
        }
        return list;
    }

    /** A mapping of names to strings, such as {@code Environment.Variables}; empty when absent. */
    Map<String, String> strings(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        object(key).ifPresent(o -> o.values.forEach((k, v) -> out.put(k, o.text(k).orElse(""))));
        return out;
    }

    /** The names of a mapping's entries, in order, with each entry as properties (SAM's {@code Events}). */
    Map<String, ResourceProperties> entries(String key) {
        Map<String, ResourceProperties> out = new LinkedHashMap<>();
        object(key).ifPresent(o -> o.values.keySet().forEach(k -> out.put(k, o.object(k).orElseThrow(
                () -> new TemplateException(o.location(k), "expected a mapping")))));
        return out;
    }

    /** The property as JSON (an event pattern, an inline definition). */
    Optional<JsonNode> json(String key) {
        return Optional.ofNullable(values.get(key)).map(JSON::valueToTree);
    }

    /** All the properties as JSON. */
    JsonNode json() {
        return JSON.valueToTree(values);
    }
}
