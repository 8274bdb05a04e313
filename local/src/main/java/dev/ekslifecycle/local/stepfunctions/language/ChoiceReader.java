package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataExpression;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import dev.ekslifecycle.local.stepfunctions.paths.ValuePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the {@code Choices} of a Choice state: JSONPath comparisons and And/Or/Not, or JSONata Conditions. */
final class ChoiceReader {

    private static final Map<String, Operator> OPERATORS = new HashMap<>();

    static {
        for (String relation : List.of("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")) {
            Comparison.Relation r = Comparison.Relation.valueOf(
                    relation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
            for (String type : List.of("String", "Numeric", "Timestamp")) {
                Comparison.Kind kind = Comparison.Kind.valueOf(type.toUpperCase(java.util.Locale.ROOT));
                OPERATORS.put(type + relation, new Operator(kind, r, false));
                OPERATORS.put(type + relation + "Path", new Operator(kind, r, true));
            }
        }
        OPERATORS.put("BooleanEquals", new Operator(Comparison.Kind.BOOLEAN, Comparison.Relation.EQUALS, false));
        OPERATORS.put("BooleanEqualsPath", new Operator(Comparison.Kind.BOOLEAN, Comparison.Relation.EQUALS, true));
        OPERATORS.put("StringMatches", new Operator(Comparison.Kind.MATCHES, Comparison.Relation.EQUALS, false));
        for (String test : List.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp")) {
            Comparison.Kind kind = Comparison.Kind.valueOf(
                    test.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
            OPERATORS.put(test, new Operator(kind, Comparison.Relation.EQUALS, false));
        }
    }

    private record Operator(Comparison.Kind kind, Comparison.Relation relation, boolean path) {
    }

    private final DefinitionReader reader;

    ChoiceReader(DefinitionReader reader) {
        this.reader = reader;
    }

    ChoiceRule topLevel(JsonNode rule, String loc, QueryLanguage language) {
        if (!rule.isObject()) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be an object", loc);
            return null;
        }
        String next = reader.requiredText(rule, "Next", loc);
        Assignment assign = reader.assignment(rule, loc, language);
        if (language == QueryLanguage.JSONATA) {
            for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
                String f = names.next();
                if (!List.of("Condition", "Next", "Assign", "Output", "Comment").contains(f)) {
                    reader.problem("SCHEMA_VALIDATION_FAILED", "The field '" + f
                            + "' is not supported in a JSONata choice rule", loc + "/" + f);
                }
            }
            JsonataTemplate output = rule.has("Output") ? reader.jsonataTemplate(rule.get("Output"),
                    loc + "/Output") : null;
            return new ChoiceRule(jsonataCondition(rule, loc), next, assign, output);
        }
        return new ChoiceRule(condition(rule, loc, true), next, assign, null);
    }

    private Condition jsonataCondition(JsonNode rule, String loc) {
        JsonNode c = rule.get("Condition");
        if (c == null || !c.isTextual() && !c.isBoolean()) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "A JSONata choice rule needs a Condition", loc);
            return (input, env) -> false;
        }
        if (c.isBoolean()) {
            boolean constant = c.booleanValue();
            return (input, env) -> constant;
        }
        if (!JsonataExpression.isExpression(c.textValue())) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "The Condition must be a JSONata expression {% ... %}",
                    loc + "/Condition");
            return (input, env) -> false;
        }
        try {
            JsonataExpression e = JsonataExpression.compile(c.textValue());
            return (input, env) -> {
                JsonNode v = e.evaluate(env.jsonata(input));
                if (v == null || !v.isBoolean()) {
                    throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                            "The Condition " + e + " must evaluate to a boolean, not " + v);
                }
                return v.booleanValue();
            };
        } catch (InvalidPathException ex) {
            reader.problem("SCHEMA_VALIDATION_FAILED", ex.getMessage(), loc + "/Condition");
            return (input, env) -> false;
        }
    }

    private Condition condition(JsonNode rule, String loc, boolean topLevel) {
        if (!topLevel && rule.has("Next")) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "Nested choice rules cannot have a 'Next'", loc + "/Next");
        }
        if (rule.has("And") || rule.has("Or")) {
            String op = rule.has("And") ? "And" : "Or";
            JsonNode list = rule.get(op);
            if (!list.isArray() || list.isEmpty()) {
                reader.problem("SCHEMA_VALIDATION_FAILED", op + " must be a non-empty array of rules", loc + "/" + op);
                return (input, env) -> false;
            }
            List<Condition> terms = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                terms.add(condition(list.get(i), loc + "/" + op + "/" + i, false));
            }
            boolean and = op.equals("And");
            return (input, env) -> {
                for (Condition t : terms) {
                    if (t.test(input, env) != and) {
                        return !and;
                    }
                }
                return and;
            };
        }
        if (rule.has("Not")) {
            Condition inner = condition(rule.get("Not"), loc + "/Not", false);
            return (input, env) -> !inner.test(input, env);
        }
        return comparison(rule, loc);
    }

    private Condition comparison(JsonNode rule, String loc) {
        String variableText = reader.requiredText(rule, "Variable", loc);
        List<String> operators = new ArrayList<>();
        for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (OPERATORS.containsKey(f)) {
                operators.add(f);
            } else if (!List.of("Variable", "Next", "Comment", "Assign").contains(f)) {
                reader.problem("SCHEMA_VALIDATION_FAILED", "The field '" + f + "' is not supported in a choice rule",
                        loc + "/" + f);
            }
        }
        if (operators.size() != 1) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "A choice rule needs exactly one comparison operator, found "
                    + operators, loc);
            return (input, env) -> false;
        }
        String name = operators.get(0);
        Operator op = OPERATORS.get(name);
        JsonNode operand = rule.get(name);
        ValuePath variable = reader.valuePath(variableText, loc + "/Variable");
        if (variable == null) {
            return (input, env) -> false;
        }
        if (op.path) {
            ValuePath other = operand.isTextual() ? reader.valuePath(operand.textValue(), loc + "/" + name) : null;
            if (other == null) {
                reader.problem("SCHEMA_VALIDATION_FAILED", name + " must be a path", loc + "/" + name);
                return (input, env) -> false;
            }
            return new Comparison(variable, op.kind, op.relation, null, other);
        }
        boolean valid = switch (op.kind) {
            case STRING, MATCHES -> operand.isTextual();
            case NUMERIC -> operand.isNumber();
            case BOOLEAN, IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING, IS_BOOLEAN, IS_TIMESTAMP -> operand.isBoolean();
            case TIMESTAMP -> operand.isTextual() && Comparison.timestamp(operand.textValue()) != null;
        };
        if (!valid) {
            reader.problem("SCHEMA_VALIDATION_FAILED", "The value of " + name + " has the wrong type: " + operand,
                    loc + "/" + name);
        }
        return new Comparison(variable, op.kind, op.relation, operand, null);
    }
}
