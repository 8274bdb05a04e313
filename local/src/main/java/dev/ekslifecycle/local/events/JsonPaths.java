package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON path subset EventBridge evaluates in InputPath and InputPathsMap: {@code $}, dot notation with
 * alphanumerics, dashes, underscores and slashes, array indices and the {@code *} wildcard.
 */
final class JsonPaths {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_/-]+|\\*)|\\[(\\d+|\\*)]");

    private JsonPaths() {
    }

    static boolean isValid(String path) {
        return steps(path).isPresent();
    }

    /** The value at {@code path}; a wildcard collects the values it reaches into an array. Empty when absent. */
    static Optional<JsonNode> select(JsonNode root, String path) {
        List<String> steps = steps(path).orElseThrow(() -> new IllegalArgumentException("invalid path " + path));
        return select(root, steps, 0);
    }

    private static Optional<JsonNode> select(JsonNode node, List<String> steps, int at) {
        if (at == steps.size()) {
            return Optional.of(node);
        }
        String step = steps.get(at);
        if (step.equals("*")) {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            node.elements().forEachRemaining(child -> select(child, steps, at + 1).ifPresent(all::add));
            return node.isContainerNode() ? Optional.of(all) : Optional.empty();
        }
        JsonNode child = node.isArray() && step.chars().allMatch(Character::isDigit)
                ? node.get(Integer.parseInt(step))
                : node.get(step);
        return child == null ? Optional.empty() : select(child, steps, at + 1);
    }

    private static Optional<List<String>> steps(String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            steps.add(m.group(1) != null ? m.group(1) : m.group(2));
            at = m.end();
        }
        return Optional.of(steps);
    }
}
