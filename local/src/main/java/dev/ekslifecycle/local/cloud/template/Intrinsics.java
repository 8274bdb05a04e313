package dev.ekslifecycle.local.cloud.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves CloudFormation's intrinsic functions, pseudo parameters and conditions in template values:
 * {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} (both forms), {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or},
 * {@code Fn::FindInMap}, {@code Fn::GetAZs}, {@code Fn::Base64}. Anything else stops with a
 * {@link TemplateException} naming where it was found.
 */
public final class Intrinsics {

    private static final String NO_VALUE_REF = "AWS::NoValue";
    /** {@code Ref: AWS::NoValue}: the enclosing property or list element disappears. */
    private static final Object NO_VALUE = new Object();

    private final Template template;
    private final StackIdentity stack;
    private final ResourceAttributes resources;
    private final Map<String, Object> parameterValues = new HashMap<>();
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> conditionsBeingEvaluated = new HashSet<>();

    /**
     * @param overrides parameter values given at start-up; the others take their defaults
     * @throws TemplateException for an unknown override, a parameter without a value, or a value not allowed
     */
    public Intrinsics(Template template, Map<String, String> overrides, StackIdentity stack,
                      ResourceAttributes resources) {
        this.template = template;
        this.stack = stack;
        this.resources = resources;
        for (String name : overrides.keySet()) {
            if (!template.parameters().containsKey(name)) {
                throw new TemplateException("Parameters." + name, "no such parameter in the template");
            }
        }
        for (TemplateParameter p : template.parameters().values()) {
            String given = overrides.containsKey(p.name()) ? overrides.get(p.name()) : p.defaultValue().orElseThrow(
                    () -> new TemplateException("Parameters." + p.name(), "has no Default and no value was given"));
            parameterValues.put(p.name(), p.value(given));
        }
    }

    /** True for a single-key map whose key is {@code Ref} or {@code Fn::...}. */
    public static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /** Whether the resource is deployed: true without a {@code Condition}, else that condition's value. */
    public boolean deploys(TemplateResource resource) {
        return resource.condition().map(c -> condition(c, "Resources." + resource.logicalId() + ".Condition"))
                .orElse(true);
    }

    /** The value of a named condition of the {@code Conditions} section. */
    public boolean condition(String name, String location) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new TemplateException(location, "no condition named " + name);
        }
        if (!conditionsBeingEvaluated.add(name)) {
            throw new TemplateException("Conditions." + name, "refers to itself");
        }
        boolean value = bool(definition, "Conditions." + name);
        conditionsBeingEvaluated.remove(name);
        conditionValues.put(name, value);
        return value;
    }

    /** The resolved properties of a resource; a property that resolves to {@code AWS::NoValue} is left out. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(TemplateResource resource) {
        Object resolved = resolve(resource.properties(), "Resources." + resource.logicalId() + ".Properties");
        return (Map<String, Object>) resolved;
    }

    /**
     * Resolves every intrinsic function in {@code value}. Maps and lists are copied; scalars are returned as they
     * are. {@code location} names the value in errors.
     */
    public Object resolve(Object value, String location) {
        Object resolved = evaluate(value, location);
        return resolved == NO_VALUE ? null : resolved;
    }

    private Object evaluate(Object value, String location) {
        if (value instanceof Map<?, ?> map) {
            if (isIntrinsic(map)) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                return function(String.valueOf(only.getKey()), only.getValue(), location);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = evaluate(v, location + "." + k);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object r = evaluate(list.get(i), location + "[" + i + "]");
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    private Object function(String name, Object argument, String location) {
        String at = location + "." + name;
        return switch (name) {
            case "Ref" -> ref(text(argument, at), at);
            case "Fn::GetAtt" -> getAtt(argument, at);
            case "Fn::Sub" -> sub(argument, at);
            case "Fn::Join" -> join(argument, at);
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> split(argument, at);
            case "Fn::If" -> ifThenElse(argument, at);
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> bool(Map.of(name, argument), location);
            case "Fn::FindInMap" -> findInMap(argument, at);
            case "Fn::GetAZs" -> stack.availabilityZones();
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    text(evaluate(argument, at), at).getBytes(StandardCharsets.UTF_8));
            default -> throw new TemplateException(at, "intrinsic function " + name + " is not supported locally");
        };
    }

    private Object ref(String name, String location) {
        if (parameterValues.containsKey(name)) {
            return parameterValues.get(name);
        }
        return switch (name) {
            case "AWS::Region" -> stack.region();
            case "AWS::AccountId" -> stack.accountId();
            case "AWS::StackName" -> stack.stackName();
            case "AWS::StackId" -> stack.arn("cloudformation", "stack/" + stack.stackName() + "/local");
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::NotificationARNs" -> List.of();
            case NO_VALUE_REF -> NO_VALUE;
            default -> {
                if (name.startsWith("AWS::")) {
                    throw new TemplateException(location, "pseudo parameter " + name + " is not supported locally");
                }
                yield resources.ref(name, location);
            }
        };
    }

    private Object getAtt(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 2) {
            throw new TemplateException(location, "takes [LogicalId, Attribute]");
        }
        return resources.getAtt(text(parts.get(0), location), text(evaluate(parts.get(1), location), location),
                location);
    }

    private String sub(Object argument, String location) {
        String pattern;
        Map<String, Object> variables = new HashMap<>();
        if (argument instanceof List<?> form) {
            if (form.size() != 2 || !(form.get(1) instanceof Map<?, ?> vars)) {
                throw new TemplateException(location, "the list form takes [String, {Name: Value}]");
            }
            pattern = text(form.get(0), location);
            vars.forEach((k, v) -> variables.put(String.valueOf(k), evaluate(v, location + "." + k)));
        } else {
            pattern = text(argument, location);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf("${", i);
            if (open < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new TemplateException(location, "unclosed ${ in '" + pattern + "'");
            }
            out.append(pattern, i, open);
            String variable = pattern.substring(open + 2, close).trim();
            if (variable.startsWith("!")) {
                out.append("${").append(variable.substring(1)).append('}');
            } else {
                out.append(text(subVariable(variable, variables, location), location));
            }
            i = close + 1;
        }
        return out.toString();
    }

    private Object subVariable(String variable, Map<String, Object> variables, String location) {
        if (variables.containsKey(variable)) {
            return variables.get(variable);
        }
        int dot = variable.indexOf('.');
        if (dot > 0 && !variable.startsWith("AWS::")) {
            return resources.getAtt(variable.substring(0, dot), variable.substring(dot + 1), location);
        }
        return ref(variable, location);
    }

    private String join(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 2) {
            throw new TemplateException(location, "takes [Delimiter, [Values]]");
        }
        String delimiter = text(parts.get(0), location);
        return String.join(delimiter, list(evaluate(parts.get(1), location), location).stream()
                .map(v -> text(v, location)).toList());
    }

    private Object select(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 2) {
            throw new TemplateException(location, "takes [Index, [Values]]");
        }
        List<?> values = list(evaluate(parts.get(1), location), location);
        int index;
        try {
            index = Integer.parseInt(text(evaluate(parts.get(0), location), location));
        } catch (NumberFormatException e) {
            throw new TemplateException(location, "the index must be a number");
        }
        if (index < 0 || index >= values.size()) {
            throw new TemplateException(location, "index " + index + " is outside a list of " + values.size());
        }
        return values.get(index);
    }

    private List<String> split(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 2) {
            throw new TemplateException(location, "takes [Delimiter, String]");
        }
        String delimiter = text(parts.get(0), location);
        String source = text(evaluate(parts.get(1), location), location);
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at = source.indexOf(delimiter); at >= 0 && !delimiter.isEmpty(); at = source.indexOf(delimiter, from)) {
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(source.substring(from));
        return out;
    }

    private Object ifThenElse(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 3) {
            throw new TemplateException(location, "takes [ConditionName, ValueIfTrue, ValueIfFalse]");
        }
        boolean chosen = condition(text(parts.get(0), location), location);
        return evaluate(parts.get(chosen ? 1 : 2), location);
    }

    private Object findInMap(Object argument, String location) {
        List<?> parts = list(argument, location);
        if (parts.size() != 3) {
            throw new TemplateException(location, "takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        Object current = template.mappings();
        for (Object part : parts) {
            String key = text(evaluate(part, location), location);
            Object next = current instanceof Map<?, ?> m ? m.get(key) : null;
            if (next == null) {
                throw new TemplateException(location, "Mappings has no entry " + key);
            }
            current = next;
        }
        return current;
    }

    /** A condition expression: a condition name reference or a boolean intrinsic function. */
    private boolean bool(Object expression, String location) {
        if (expression instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            String name = String.valueOf(only.getKey());
            String at = location + "." + name;
            switch (name) {
                case "Condition" -> {
                    return condition(text(only.getValue(), at), at);
                }
                case "Fn::Equals" -> {
                    List<?> sides = list(only.getValue(), at);
                    if (sides.size() != 2) {
                        throw new TemplateException(at, "takes [Value1, Value2]");
                    }
                    return comparable(evaluate(sides.get(0), at)).equals(comparable(evaluate(sides.get(1), at)));
                }
                case "Fn::Not" -> {
                    List<?> operand = list(only.getValue(), at);
                    if (operand.size() != 1) {
                        throw new TemplateException(at, "takes [Condition]");
                    }
                    return !bool(operand.get(0), at);
                }
                case "Fn::And", "Fn::Or" -> {
                    List<?> operands = list(only.getValue(), at);
                    if (operands.size() < 2 || operands.size() > 10) {
                        throw new TemplateException(at, "takes 2 to 10 conditions");
                    }
                    boolean and = name.equals("Fn::And");
                    boolean result = and;
                    for (int i = 0; i < operands.size(); i++) {
                        boolean b = bool(operands.get(i), at + "[" + i + "]");
                        result = and ? result && b : result || b;
                    }
                    return result;
                }
                default -> {
                    // other intrinsics (Fn::If, Fn::FindInMap, Ref) may yield "true" or "false"
                }
            }
        }
        Object value = evaluate(expression, location);
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new TemplateException(location, "is not a condition: " + expression);
    }

    private static Object comparable(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?> ? value : String.valueOf(value);
    }

    private static List<?> list(Object value, String location) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new TemplateException(location, "expected a list, found " + describe(value));
    }

    private static String text(Object value, String location) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new TemplateException(location, "expected a string, found " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof Map ? "a mapping " + value
                : value instanceof List ? "a list " + value : value == NO_VALUE ? "AWS::NoValue" : "'" + value + "'";
    }
}
