package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a target receives for an event: the target's constant {@code Input}, the part of the event at
 * {@code InputPath}, the {@code InputTransformer}'s filled-in template, or else the whole event.
 *
 * <p>Template filling follows EventBridge: a placeholder inside a JSON string gets the value's raw text (strings
 * without quotes, unescaped, as AWS does); outside a string it gets the value as JSON. A variable whose path is not
 * in the event is not created: inside a string it becomes empty and outside one {@code null}.
 */
final class TargetInput {

    private TargetInput() {
    }

    static String render(Target target, Rule rule, ObjectNode event, String ingestionTime) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() != null) {
            return JsonPaths.select(event, target.inputPath()).map(JsonNode::toString).orElse("null");
        }
        if (target.transformer() != null) {
            return fill(target.transformer(), rule, event, ingestionTime);
        }
        return event.toString();
    }

    private static String fill(Target.InputTransformer transformer, Rule rule, ObjectNode event,
                               String ingestionTime) {
        Map<String, JsonNode> variables = new HashMap<>();
        transformer.inputPathsMap().forEach((name, path) ->
                JsonPaths.select(event, path).ifPresent(v -> variables.put(name, v)));
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode withoutDetail = event.deepCopy();
        withoutDetail.remove("detail");
        variables.put("aws.events.rule-arn", json.textNode(rule.arn()));
        variables.put("aws.events.rule-name", json.textNode(rule.name()));
        variables.put("aws.events.event.ingestion-time", json.textNode(ingestionTime));
        variables.put("aws.events.event", withoutDetail);
        variables.put("aws.events.event.json", event);

        String template = transformer.inputTemplate();
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            Optional<String> placeholder = c == '<' ? placeholderAt(template, i, transformer) : Optional.empty();
            if (placeholder.isEmpty()) {
                out.append(c);
                continue;
            }
            JsonNode value = variables.get(placeholder.get());
            if (inString) {
                out.append(value == null ? "" : value.isTextual() ? value.textValue() : value.toString());
            } else {
                out.append(value == null ? "null" : value.toString());
            }
            i += placeholder.get().length() + 1;
        }
        return out.toString();
    }

    /** The variable named by {@code <name>} at {@code i}, when it is a declared or predefined variable. */
    private static Optional<String> placeholderAt(String template, int i, Target.InputTransformer transformer) {
        int end = template.indexOf('>', i);
        if (end < 0) {
            return Optional.empty();
        }
        String name = template.substring(i + 1, end);
        boolean known = transformer.inputPathsMap().containsKey(name) || name.startsWith("aws.events.");
        return known ? Optional.of(name) : Optional.empty();
    }
}
