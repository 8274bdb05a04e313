package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSONPath as Step Functions reads it (the Jayway dialect): {@code $}, {@code .name}, {@code ['name']},
 * {@code [0]}, {@code [-1]}, {@code [*]}, {@code .*}, {@code ..name}, slices {@code [1:3]}, unions
 * {@code [0,2]} / {@code ['a','b']} and filters {@code [?(@.price < 10 && @.type == 'x')]}.
 *
 * <p>A definite path (names and indices only) selects one value; any other path selects a list of values and
 * reads as a JSON array. Only definite paths without negative indices are reference paths, usable as ResultPath.
 */
public final class JsonPath {

    private static final Map<String, JsonPath> CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final List<Segment> segments;
    private final boolean definite;
    private final boolean reference;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
        this.definite = segments.stream().allMatch(Segment::definite);
        this.reference = segments.stream().allMatch(s -> s instanceof Field || s instanceof Index i && i.index >= 0);
    }

    /** Parses a path (cached: definitions reuse the same few paths millions of times). */
    public static JsonPath compile(String text) {
        JsonPath cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        JsonPath parsed = new JsonPath(text, new PathParser(text).parse());
        if (CACHE.size() < 100_000) {
            CACHE.put(text, parsed);
        }
        return parsed;
    }

    public String text() {
        return text;
    }

    public boolean isReference() {
        return reference;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * The value the path selects in {@code root}: for a definite path the value, empty when it is missing; for an
     * indefinite path an array of every match (possibly empty).
     */
    public Optional<JsonNode> find(JsonNode root) {
        return Optional.ofNullable(select(root));
    }

    /** As {@link #find}, with null for nothing selected: for the hot paths that read values by the million. */
    public JsonNode select(JsonNode root) {
        if (definite) {
            JsonNode current = root;
            for (Segment s : segments) {
                current = ((DefiniteSegment) s).step(current);
                if (current == null) {
                    return null;
                }
            }
            return current;
        }
        List<JsonNode> current = List.of(root);
        for (Segment s : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                s.select(node, next);
            }
            current = next;
        }
        ArrayNode out = Json.array();
        out.addAll(current);
        return out;
    }

    /**
     * A copy of {@code root} with {@code value} at this reference path. Missing objects on the way are created;
     * only the nodes on the path are copied.
     *
     * @throws IllegalStateException when the path crosses a value that is not an object (or an array, for an index)
     */
    public JsonNode set(JsonNode root, JsonNode value) {
        if (!reference) {
            throw new IllegalStateException("'" + text + "' is not a reference path");
        }
        return setFrom(root, 0, value);
    }

    private JsonNode setFrom(JsonNode node, int position, JsonNode value) {
        if (position == segments.size()) {
            return value;
        }
        Segment s = segments.get(position);
        if (s instanceof Field f) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                node = Json.object();
            }
            if (!node.isObject()) {
                throw new IllegalStateException("cannot set field '" + f.name + "' of a " + node.getNodeType());
            }
            ObjectNode copy = Json.shallowCopy((ObjectNode) node);
            copy.set(f.name, setFrom(node.get(f.name), position + 1, value));
            return copy;
        }
        int index = ((Index) s).index;
        if (node == null || !node.isArray() || index >= node.size()) {
            throw new IllegalStateException("cannot set index " + index + " of " + (node == null ? "a missing value"
                    : node.isArray() ? "an array of " + node.size() : "a " + node.getNodeType()));
        }
        ArrayNode copy = Json.shallowCopy((ArrayNode) node);
        copy.set(index, setFrom(node.get(index), position + 1, value));
        return copy;
    }

    @Override
    public String toString() {
        return text;
    }

    /** One step of a path: from a node to the nodes it selects. */
    sealed interface Segment permits DefiniteSegment, Wildcard, DeepScan, Slice, Union, Filter {
        void select(JsonNode node, List<JsonNode> out);

        default boolean definite() {
            return false;
        }
    }

    sealed interface DefiniteSegment extends Segment permits Field, Index {
        JsonNode step(JsonNode node);

        @Override
        default void select(JsonNode node, List<JsonNode> out) {
            JsonNode next = step(node);
            if (next != null) {
                out.add(next);
            }
        }

        @Override
        default boolean definite() {
            return true;
        }
    }

    record Field(String name) implements DefiniteSegment {
        @Override
        public JsonNode step(JsonNode node) {
            return node.isObject() ? node.get(name) : null;
        }
    }

    record Index(int index) implements DefiniteSegment {
        @Override
        public JsonNode step(JsonNode node) {
            if (!node.isArray()) {
                return null;
            }
            int i = index < 0 ? node.size() + index : index;
            return i >= 0 && i < node.size() ? node.get(i) : null;
        }
    }

    record Wildcard() implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                node.forEach(out::add);
            }
        }
    }

    /** {@code ..name} or {@code ..*}: the node itself and every descendant, then {@code then} applied to each. */
    record DeepScan(Segment then) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            then.select(node, out);
            if (node.isContainerNode()) {
                for (JsonNode child : node) {
                    select(child, out);
                }
            }
        }
    }

    record Slice(Integer start, Integer end, int step) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (!node.isArray() || step <= 0) {
                return;
            }
            int n = node.size();
            int from = start == null ? 0 : start < 0 ? Math.max(0, n + start) : Math.min(start, n);
            int to = end == null ? n : end < 0 ? Math.max(0, n + end) : Math.min(end, n);
            for (int i = from; i < to; i += step) {
                out.add(node.get(i));
            }
        }
    }

    record Union(List<DefiniteSegment> members) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            for (DefiniteSegment m : members) {
                m.select(node, out);
            }
        }
    }

    record Filter(FilterExpression expression) implements Segment {
        @Override
        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (expression.test(element)) {
                        out.add(element);
                    }
                }
            } else if (node.isObject() && expression.test(node)) {
                out.add(node);
            }
        }
    }
}
