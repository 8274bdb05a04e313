package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataExpression;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import dev.ekslifecycle.local.stepfunctions.paths.JsonPath;
import dev.ekslifecycle.local.stepfunctions.paths.PayloadTemplate;
import dev.ekslifecycle.local.stepfunctions.paths.ValuePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates an Amazon States Language definition. Every problem found is collected with the state and
 * field it concerns; {@link #read} refuses a definition with any.
 */
public final class DefinitionReader {

    private final List<Diagnostic> problems = new ArrayList<>();
    private final ChoiceReader choices = new ChoiceReader(this);

    private DefinitionReader() {
    }

    /** Parses a definition, or throws with every problem found. */
    public static StateMachineDefinition read(String definitionJson) throws InvalidDefinitionException {
        DefinitionReader reader = new DefinitionReader();
        StateMachineDefinition definition = reader.top(definitionJson);
        if (!reader.problems.isEmpty()) {
            throw new InvalidDefinitionException(reader.problems);
        }
        return definition;
    }

    /** Every problem in a definition; empty when it is valid. */
    public static List<Diagnostic> diagnose(String definitionJson) {
        DefinitionReader reader = new DefinitionReader();
        reader.top(definitionJson);
        return List.copyOf(reader.problems);
    }

    private StateMachineDefinition top(String definitionJson) {
        JsonNode root;
        try {
            root = Json.parse(definitionJson);
        } catch (IllegalArgumentException e) {
            problem("INVALID_JSON_DESCRIPTION", "The definition is not valid JSON: " + e.getMessage(), "");
            return null;
        }
        if (!root.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "");
            return null;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!List.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage").contains(f)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + f + "' is not supported at the top level", "/" + f);
            }
        }
        QueryLanguage language = language(root, "", QueryLanguage.JSONPATH);
        Integer timeout = null;
        if (root.has("TimeoutSeconds")) {
            timeout = positiveInt(root.get("TimeoutSeconds"), "/TimeoutSeconds");
        }
        return graph(root, "", language, timeout);
    }

    private StateMachineDefinition graph(JsonNode node, String loc, QueryLanguage language, Integer timeout) {
        String startAt = requiredText(node, "StartAt", loc);
        JsonNode statesNode = node.get("States");
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "'States' must be a non-empty object", loc + "/States");
            return new StateMachineDefinition(startAt, Map.of(), language, timeout);
        }
        Map<String, State> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isEmpty() || e.getKey().length() > 80) {
                problem("SCHEMA_VALIDATION_FAILED", "State names must be 1 to 80 characters long",
                        loc + "/States/" + e.getKey());
            }
            State s = state(e.getKey(), e.getValue(), loc + "/States/" + e.getKey(), language);
            if (s != null) {
                states.put(e.getKey(), s);
            }
        }
        if (startAt != null && !statesNode.has(startAt)) {
            problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt, loc + "/StartAt");
        }
        checkTransitions(states, statesNode, loc);
        if (startAt != null && states.containsKey(startAt)) {
            checkReachable(startAt, states, loc);
        }
        return new StateMachineDefinition(startAt, Map.copyOf(states), language, timeout);
    }

    private void checkTransitions(Map<String, State> states, JsonNode statesNode, String loc) {
        for (State s : states.values()) {
            String where = loc + "/States/" + s.name();
            for (TargetField t : targets(s)) {
                if (!statesNode.has(t.target)) {
                    problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + t.target, where + t.field);
                }
            }
        }
    }

    private void checkReachable(String startAt, Map<String, State> states, String loc) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            State s = states.get(name);
            if (s == null || !seen.add(name)) {
                continue;
            }
            targets(s).forEach(t -> todo.push(t.target));
        }
        for (String name : states.keySet()) {
            if (!seen.contains(name)) {
                problem("MISSING_TRANSITION_TARGET", "State \"" + name + "\" is not reachable",
                        loc + "/States/" + name);
            }
        }
    }

    private record TargetField(String target, String field) {
    }

    private static List<TargetField> targets(State s) {
        List<TargetField> out = new ArrayList<>();
        if (s.next() != null) {
            out.add(new TargetField(s.next(), "/Next"));
        }
        for (int i = 0; i < s.catchers().size(); i++) {
            if (s.catchers().get(i).next() != null) {
                out.add(new TargetField(s.catchers().get(i).next(), "/Catch/" + i + "/Next"));
            }
        }
        if (s instanceof ChoiceState c) {
            for (int i = 0; i < c.choices().size(); i++) {
                if (c.choices().get(i).next() != null) {
                    out.add(new TargetField(c.choices().get(i).next(), "/Choices/" + i + "/Next"));
                }
            }
            if (c.defaultNext() != null) {
                out.add(new TargetField(c.defaultNext(), "/Default"));
            }
        }
        return out;
    }

    private State state(String name, JsonNode node, String loc, QueryLanguage inherited) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A state must be an object", loc);
            return null;
        }
        String type = requiredText(node, "Type", loc);
        if (type == null) {
            return null;
        }
        if (!FieldRules.isType(type)) {
            problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'Type' must be one of Pass, Task, Choice, "
                    + "Wait, Succeed, Fail, Parallel, Map, not '" + type + "'", loc + "/Type");
            return null;
        }
        QueryLanguage language = language(node, loc, inherited);
        if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            problem("SCHEMA_VALIDATION_FAILED", "A state cannot use JSONPath when the state machine uses JSONata",
                    loc + "/QueryLanguage");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!FieldRules.accepts(type, f)) {
                problem("SCHEMA_VALIDATION_FAILED", "Field '" + f + "' is not supported by state type " + type,
                        loc + "/" + f);
            } else if (language == QueryLanguage.JSONATA && FieldRules.JSONPATH_ONLY.contains(f)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + f + "' is not supported for JSONata; use "
                        + "Arguments, Output or Assign", loc + "/" + f);
            } else if (language == QueryLanguage.JSONPATH && FieldRules.JSONATA_ONLY.contains(f)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + f + "' is only supported for JSONata",
                        loc + "/" + f);
            }
        }
        State.Common common = common(name, type, node, loc, language);
        return switch (type) {
            case "Pass" -> new PassState(common, node.get("Result"));
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> new FailState(common, dynamic(node, "Error", "ErrorPath", loc, language, false),
                    dynamic(node, "Cause", "CausePath", loc, language, false));
            case "Wait" -> wait(common, node, loc, language);
            case "Choice" -> choice(common, node, loc, language);
            case "Task" -> task(common, node, loc, language);
            case "Parallel" -> parallel(common, node, loc, language);
            default -> map(common, node, loc, language);
        };
    }

    private State.Common common(String name, String type, JsonNode node, String loc, QueryLanguage language) {
        String next = null;
        boolean end = false;
        boolean terminal = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
        if (!terminal) {
            next = node.has("Next") ? requiredText(node, "Next", loc) : null;
            end = node.has("End") && node.get("End").isBoolean() && node.get("End").booleanValue();
            if (node.has("End") && !node.get("End").isBoolean()) {
                problem("SCHEMA_VALIDATION_FAILED", "'End' must be a boolean", loc + "/End");
            }
            if (next == null && !end) {
                problem("MISSING_TRANSITION_TARGET", "State \"" + name + "\" has neither 'Next' nor 'End: true'",
                        loc);
            } else if (next != null && end) {
                problem("SCHEMA_VALIDATION_FAILED", "State \"" + name + "\" has both 'Next' and 'End'", loc);
            }
        }
        DataFlow flow = language == QueryLanguage.JSONATA
                ? new JsonataFlow(node.has("Arguments") ? jsonataTemplate(node.get("Arguments"), loc + "/Arguments")
                        : null, node.has("Output") ? jsonataTemplate(node.get("Output"), loc + "/Output") : null)
                : new JsonPathFlow(pathField(node, "InputPath", loc), payload(node, "Parameters", loc),
                        payload(node, "ResultSelector", loc), pathField(node, "ResultPath", loc),
                        pathField(node, "OutputPath", loc));
        if (language == QueryLanguage.JSONPATH && node.has("ResultPath")) {
            JsonPathFlow.PathField rp = pathField(node, "ResultPath", loc);
            if (rp.path() != null && !rp.path().isReference()) {
                problem("SCHEMA_VALIDATION_FAILED", "ResultPath must be a reference path", loc + "/ResultPath");
            }
        }
        return new State.Common(name, language, next, end, flow, assignment(node, loc, language),
                retriers(node, loc), catchers(node, loc, language));
    }

    private WaitState wait(State.Common common, JsonNode node, String loc, QueryLanguage language) {
        int count = 0;
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            count += node.has(f) ? 1 : 0;
        }
        if (count != 1) {
            problem("SCHEMA_VALIDATION_FAILED", "A Wait state needs exactly one of Seconds, SecondsPath, Timestamp, "
                    + "TimestampPath", loc);
        }
        DynamicValue seconds = dynamic(node, "Seconds", "SecondsPath", loc, language, false);
        DynamicValue timestamp = dynamic(node, "Timestamp", "TimestampPath", loc, language, false);
        if (node.has("Seconds") && !node.get("Seconds").isTextual()
                && !(node.get("Seconds").canConvertToExactIntegral() && node.get("Seconds").longValue() >= 0)) {
            problem("SCHEMA_VALIDATION_FAILED", "Seconds must be a non-negative integer", loc + "/Seconds");
        }
        if (node.has("Timestamp") && node.get("Timestamp").isTextual()
                && !JsonataExpression.isExpression(node.get("Timestamp").textValue())
                && Comparison.timestamp(node.get("Timestamp").textValue()) == null) {
            problem("SCHEMA_VALIDATION_FAILED", "Timestamp must be an RFC3339 timestamp", loc + "/Timestamp");
        }
        return new WaitState(common, seconds, timestamp);
    }

    private ChoiceState choice(State.Common common, JsonNode node, String loc, QueryLanguage language) {
        JsonNode list = node.get("Choices");
        List<ChoiceRule> rules = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "A Choice state needs a non-empty 'Choices' array", loc + "/Choices");
        } else {
            for (int i = 0; i < list.size(); i++) {
                ChoiceRule r = choices.topLevel(list.get(i), loc + "/Choices/" + i, language);
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        String defaultNext = node.has("Default") ? requiredText(node, "Default", loc) : null;
        return new ChoiceState(common, List.copyOf(rules), defaultNext);
    }

    private TaskState task(State.Common common, JsonNode node, String loc, QueryLanguage language) {
        String resource = requiredText(node, "Resource", loc);
        if (resource != null && !resource.startsWith("arn:")) {
            problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'Resource' must be an ARN", loc + "/Resource");
        }
        return new TaskState(common, resource,
                dynamic(node, "TimeoutSeconds", "TimeoutSecondsPath", loc, language, true),
                dynamic(node, "HeartbeatSeconds", "HeartbeatSecondsPath", loc, language, true));
    }

    private ParallelState parallel(State.Common common, JsonNode node, String loc, QueryLanguage language) {
        JsonNode list = node.get("Branches");
        List<StateMachineDefinition> branches = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "A Parallel state needs a non-empty 'Branches' array",
                    loc + "/Branches");
        } else {
            for (int i = 0; i < list.size(); i++) {
                branches.add(subGraph(list.get(i), loc + "/Branches/" + i, language));
            }
        }
        return new ParallelState(common, List.copyOf(branches));
    }

    private MapState map(State.Common common, JsonNode node, String loc, QueryLanguage language) {
        String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processorNode = node.get(processorField);
        StateMachineDefinition processor = null;
        if (processorNode == null || !processorNode.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A Map state needs an 'ItemProcessor'", loc + "/ItemProcessor");
        } else {
            processor = subGraph(processorNode, loc + "/" + processorField, language);
        }
        DynamicValue items = language == QueryLanguage.JSONATA
                ? dynamic(node, "Items", null, loc, language, false)
                : node.has("ItemsPath") ? pathValue(node, "ItemsPath", loc) : null;
        String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
        PayloadTemplate selectorPath = null;
        JsonataTemplate selectorJsonata = null;
        if (node.has("ItemSelector") && language == QueryLanguage.JSONATA) {
            selectorJsonata = jsonataTemplate(node.get("ItemSelector"), loc + "/ItemSelector");
        } else if (node.has(selectorField)) {
            selectorPath = payload(node, selectorField, loc);
        }
        return new MapState(common, processor, items, selectorPath, selectorJsonata,
                dynamic(node, "MaxConcurrency", "MaxConcurrencyPath", loc, language, false),
                dynamic(node, "ToleratedFailureCount", "ToleratedFailureCountPath", loc, language, false),
                dynamic(node, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", loc, language, false));
    }

    private StateMachineDefinition subGraph(JsonNode node, String loc, QueryLanguage inherited) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A branch must be an object with StartAt and States", loc);
            return new StateMachineDefinition(null, Map.of(), inherited, null);
        }
        return graph(node, loc, language(node, loc, inherited), null);
    }

    private List<Retrier> retriers(JsonNode node, String loc) {
        JsonNode list = node.get("Retry");
        if (list == null) {
            return List.of();
        }
        List<Retrier> out = new ArrayList<>();
        if (!list.isArray()) {
            problem("SCHEMA_VALIDATION_FAILED", "'Retry' must be an array", loc + "/Retry");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = loc + "/Retry/" + i;
            for (Iterator<String> names = r.fieldNames(); names.hasNext(); ) {
                String f = names.next();
                if (!List.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                        "JitterStrategy", "Comment").contains(f)) {
                    problem("SCHEMA_VALIDATION_FAILED", "Field '" + f + "' is not supported in a retrier",
                            where + "/" + f);
                }
            }
            List<String> errors = errorEquals(r, where, i == list.size() - 1);
            double interval = r.has("IntervalSeconds") ? positiveInt(r.get("IntervalSeconds"),
                    where + "/IntervalSeconds") : 1;
            int attempts = 3;
            if (r.has("MaxAttempts")) {
                JsonNode m = r.get("MaxAttempts");
                if (!m.canConvertToExactIntegral() || m.intValue() < 0 || m.longValue() > 99_999_999) {
                    problem("SCHEMA_VALIDATION_FAILED", "MaxAttempts must be an integer from 0 to 99999999",
                            where + "/MaxAttempts");
                } else {
                    attempts = m.intValue();
                }
            }
            double backoff = 2.0;
            if (r.has("BackoffRate")) {
                JsonNode b = r.get("BackoffRate");
                if (!b.isNumber() || b.doubleValue() < 1.0) {
                    problem("SCHEMA_VALIDATION_FAILED", "BackoffRate must be a number >= 1.0", where + "/BackoffRate");
                } else {
                    backoff = b.doubleValue();
                }
            }
            Double maxDelay = r.has("MaxDelaySeconds") ? (double) positiveInt(r.get("MaxDelaySeconds"),
                    where + "/MaxDelaySeconds") : null;
            boolean jitter = false;
            if (r.has("JitterStrategy")) {
                String j = r.get("JitterStrategy").asText();
                if (!j.equals("FULL") && !j.equals("NONE")) {
                    problem("SCHEMA_VALIDATION_FAILED", "JitterStrategy must be FULL or NONE", where
                            + "/JitterStrategy");
                }
                jitter = j.equals("FULL");
            }
            out.add(new Retrier(errors, interval, attempts, backoff, maxDelay, jitter));
        }
        return List.copyOf(out);
    }

    private List<Catcher> catchers(JsonNode node, String loc, QueryLanguage language) {
        JsonNode list = node.get("Catch");
        if (list == null) {
            return List.of();
        }
        List<Catcher> out = new ArrayList<>();
        if (!list.isArray()) {
            problem("SCHEMA_VALIDATION_FAILED", "'Catch' must be an array", loc + "/Catch");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String where = loc + "/Catch/" + i;
            for (Iterator<String> names = c.fieldNames(); names.hasNext(); ) {
                String f = names.next();
                boolean known = List.of("ErrorEquals", "Next", "Comment", "Assign").contains(f)
                        || f.equals("ResultPath") && language == QueryLanguage.JSONPATH
                        || f.equals("Output") && language == QueryLanguage.JSONATA;
                if (!known) {
                    problem("SCHEMA_VALIDATION_FAILED", "Field '" + f + "' is not supported in a catcher",
                            where + "/" + f);
                }
            }
            JsonPathFlow.PathField resultPath = pathField(c, "ResultPath", where);
            if (resultPath.path() != null && !resultPath.path().isReference()) {
                problem("SCHEMA_VALIDATION_FAILED", "ResultPath must be a reference path", where + "/ResultPath");
            }
            out.add(new Catcher(errorEquals(c, where, i == list.size() - 1), requiredText(c, "Next", where),
                    resultPath, c.has("Output") ? jsonataTemplate(c.get("Output"), where + "/Output") : null,
                    assignment(c, where, language)));
        }
        return List.copyOf(out);
    }

    private List<String> errorEquals(JsonNode node, String loc, boolean last) {
        JsonNode list = node.get("ErrorEquals");
        List<String> out = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "'ErrorEquals' must be a non-empty array of strings",
                    loc + "/ErrorEquals");
            return out;
        }
        list.forEach(e -> out.add(e.asText()));
        if (out.contains("States.ALL") && (out.size() > 1 || !last)) {
            problem("SCHEMA_VALIDATION_FAILED", "States.ALL must appear alone and in the last "
                    + (loc.contains("/Retry/") ? "retrier" : "catcher"), loc + "/ErrorEquals");
        }
        return List.copyOf(out);
    }

    Assignment assignment(JsonNode node, String loc, QueryLanguage language) {
        JsonNode assign = node.get("Assign");
        if (assign == null) {
            return null;
        }
        if (!assign.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "'Assign' must be an object", loc + "/Assign");
            return null;
        }
        for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String variable = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*") || variable.length() > 80) {
                problem("SCHEMA_VALIDATION_FAILED", "'" + variable + "' is not a valid variable name",
                        loc + "/Assign/" + name);
            }
        }
        if (language == QueryLanguage.JSONATA) {
            return Assignment.jsonata(jsonataTemplate(assign, loc + "/Assign"));
        }
        PayloadTemplate template = payload(node, "Assign", loc);
        return template == null ? null : Assignment.jsonPath(template);
    }

    JsonataTemplate jsonataTemplate(JsonNode value, String loc) {
        try {
            return JsonataTemplate.compile(value);
        } catch (InvalidPathException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), loc);
            return null;
        }
    }

    private PayloadTemplate payload(JsonNode node, String field, String loc) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        try {
            return PayloadTemplate.compile(value);
        } catch (InvalidPathException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), loc + "/" + field);
            return null;
        }
    }

    private JsonPathFlow.PathField pathField(JsonNode node, String field, String loc) {
        JsonNode value = node.get(field);
        if (value == null) {
            return JsonPathFlow.PathField.DEFAULT;
        }
        if (value.isNull()) {
            return JsonPathFlow.PathField.NULL;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", field + " must be a string or null", loc + "/" + field);
            return JsonPathFlow.PathField.DEFAULT;
        }
        try {
            return new JsonPathFlow.PathField(JsonPath.compile(value.textValue()), false);
        } catch (InvalidPathException e) {
            problem("SCHEMA_VALIDATION_FAILED", "The value for the field '" + field + "' must be a valid JSONPath: "
                    + e.getMessage(), loc + "/" + field);
            return JsonPathFlow.PathField.DEFAULT;
        }
    }

    private DynamicValue pathValue(JsonNode node, String field, String loc) {
        JsonNode value = node.get(field);
        ValuePath path = value.isTextual() ? valuePath(value.textValue(), loc + "/" + field) : null;
        if (path == null) {
            problem("SCHEMA_VALIDATION_FAILED", field + " must be a path", loc + "/" + field);
            return null;
        }
        return DynamicValue.path(field, path);
    }

    /** A constant/JSONata field or its JSONPath "…Path" twin; both present is an error. */
    private DynamicValue dynamic(JsonNode node, String field, String pathField, String loc, QueryLanguage language,
            boolean positive) {
        if (pathField != null && node.has(field) && node.has(pathField)) {
            problem("SCHEMA_VALIDATION_FAILED", "Only one of " + field + " and " + pathField + " may be set", loc);
        }
        if (pathField != null && node.has(pathField)) {
            return pathValue(node, pathField, loc);
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (language == QueryLanguage.JSONATA && value.isTextual() && JsonataExpression.isExpression(value.textValue())) {
            try {
                return DynamicValue.jsonata(field, JsonataExpression.compile(value.textValue()));
            } catch (InvalidPathException e) {
                problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), loc + "/" + field);
                return null;
            }
        }
        if (positive && !(value.canConvertToExactIntegral() && value.longValue() > 0)) {
            problem("SCHEMA_VALIDATION_FAILED", field + " must be a positive integer", loc + "/" + field);
        }
        return DynamicValue.constant(field, value);
    }

    ValuePath valuePath(String text, String loc) {
        try {
            return ValuePath.compile(text);
        } catch (InvalidPathException e) {
            problem("SCHEMA_VALIDATION_FAILED", "The value must be a valid JSONPath: " + e.getMessage(), loc);
            return null;
        }
    }

    private QueryLanguage language(JsonNode node, String loc, QueryLanguage inherited) {
        JsonNode q = node.get("QueryLanguage");
        if (q == null) {
            return inherited;
        }
        QueryLanguage language = QueryLanguage.fromWire(q.asText());
        if (language == null) {
            problem("SCHEMA_VALIDATION_FAILED", "QueryLanguage must be JSONPath or JSONata", loc + "/QueryLanguage");
            return inherited;
        }
        return language;
    }

    private int positiveInt(JsonNode value, String loc) {
        if (!value.canConvertToExactIntegral() || value.longValue() < 0 || value.longValue() > 99_999_999) {
            problem("SCHEMA_VALIDATION_FAILED", "The value must be an integer from 0 to 99999999", loc);
            return 1;
        }
        return value.intValue();
    }

    String requiredText(JsonNode node, String field, String loc) {
        JsonNode value = node.get(field);
        if (value == null) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is required", loc);
            return null;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' must be a string", loc + "/" + field);
            return null;
        }
        return value.textValue();
    }

    void problem(String code, String message, String location) {
        problems.add(new Diagnostic(code, message, location));
    }
}
