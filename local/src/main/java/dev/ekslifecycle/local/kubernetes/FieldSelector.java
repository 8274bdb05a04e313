package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code fieldSelector} query: {@code field=value}, {@code field==value} or {@code field!=value} terms joined by
 * commas, over the fields the API server supports for the resource (for pods, {@code spec.nodeName} is the one
 * drains use). An unsupported field is a 400, as on the API server.
 */
final class FieldSelector {

    static final Set<String> POD_FIELDS =
            Set.of("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase", "spec.restartPolicy");
    static final Set<String> NODE_FIELDS = Set.of("metadata.name", "spec.unschedulable");
    static final Set<String> NAMESPACED_FIELDS = Set.of("metadata.name", "metadata.namespace");

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = terms;
    }

    static FieldSelector parse(String text, Set<String> supported) {
        List<Term> out = new ArrayList<>();
        for (String raw : text.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) {
                continue;
            }
            boolean negated = t.contains("!=");
            String[] kv = negated ? t.split("!=", 2) : t.split("==?", 2);
            if (kv.length != 2) {
                throw KubeStatus.badRequest("invalid selector: '" + text + "'; can't understand '" + t + "'");
            }
            String field = kv[0].trim();
            if (!supported.contains(field)) {
                throw KubeStatus.badRequest("field label not supported: " + field);
            }
            out.add(new Term(field.split("\\."), kv[1].trim(), negated));
        }
        return new FieldSelector(out);
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }

    private record Term(String[] path, String value, boolean negated) {
        boolean matches(JsonNode object) {
            String actual = Json.text(object, path);
            if (actual.isEmpty() && path[path.length - 1].equals("unschedulable")) {
                actual = "false";
            }
            return actual.equals(value) != negated;
        }
    }
}
