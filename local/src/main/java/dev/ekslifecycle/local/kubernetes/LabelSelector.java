package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector, from a {@code labelSelector} query ({@code a=b,c!=d,e,!f,g in (x,y),h notin (z)})
 * or from an object's {@code selector} ({@code matchLabels} and {@code matchExpressions}).
 */
final class LabelSelector {

    private static final Pattern SET_TERM = Pattern.compile("\\s*([^\\s!=,()]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?");

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector everything() {
        return new LabelSelector(List.of());
    }

    /** Parses the query form; a malformed selector is a 400 as on the API server. */
    static LabelSelector parse(String text) {
        List<Requirement> out = new ArrayList<>();
        for (String term : splitTerms(text)) {
            String t = term.trim();
            if (t.isEmpty()) {
                continue;
            }
            Matcher set = SET_TERM.matcher(t);
            if (set.matches()) {
                List<String> values = List.of(set.group(3).split("\\s*,\\s*")).stream()
                        .map(String::trim).filter(v -> !v.isEmpty()).toList();
                out.add(new Requirement(key(set.group(1)), set.group(2).equals("in") ? Op.IN : Op.NOT_IN, values));
            } else if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                out.add(new Requirement(key(kv[0]), Op.NOT_IN, List.of(kv[1].trim())));
            } else if (t.contains("=")) {
                String[] kv = t.split("==?", 2);
                out.add(new Requirement(key(kv[0]), Op.IN, List.of(kv[1].trim())));
            } else if (t.startsWith("!")) {
                out.add(new Requirement(key(t.substring(1)), Op.DOES_NOT_EXIST, List.of()));
            } else {
                out.add(new Requirement(key(t), Op.EXISTS, List.of()));
            }
        }
        return new LabelSelector(out);
    }

    /** From {@code matchLabels} and {@code matchExpressions}. */
    static LabelSelector fromObject(JsonNode selector) {
        List<Requirement> out = new ArrayList<>();
        if (selector == null || selector.isNull()) {
            return new LabelSelector(out);
        }
        Json.strings(selector.get("matchLabels")).forEach((k, v) -> out.add(new Requirement(k, Op.IN, List.of(v))));
        JsonNode expressions = selector.get("matchExpressions");
        if (expressions != null) {
            for (JsonNode e : expressions) {
                List<String> values = new ArrayList<>();
                e.path("values").forEach(v -> values.add(v.asText()));
                Op op = switch (Json.text(e, "operator")) {
                    case "In" -> Op.IN;
                    case "NotIn" -> Op.NOT_IN;
                    case "Exists" -> Op.EXISTS;
                    case "DoesNotExist" -> Op.DOES_NOT_EXIST;
                    default -> throw KubeStatus.badRequest("\"" + Json.text(e, "operator")
                            + "\" is not a valid label selector operator");
                };
                out.add(new Requirement(Json.text(e, "key"), op, values));
            }
        }
        return new LabelSelector(out);
    }

    boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    /** True when this selector selects nothing in particular (an empty PDB selector selects every pod). */
    boolean isEmpty() {
        return requirements.isEmpty();
    }

    private static String key(String raw) {
        String k = raw.trim();
        if (!KEY.matcher(k).matches()) {
            throw KubeStatus.badRequest("unable to parse requirement: invalid label key \"" + k + "\"");
        }
        return k;
    }

    /** Splits on commas that are not inside a set's parentheses. */
    private static List<String> splitTerms(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private enum Op { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    private record Requirement(String key, Op op, List<String> values) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case IN -> v != null && Set.copyOf(values).contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case DOES_NOT_EXIST -> v == null;
            };
        }
    }
}
