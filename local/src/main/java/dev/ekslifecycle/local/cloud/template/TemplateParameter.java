package dev.ekslifecycle.local.cloud.template;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a template's {@code Parameters}: its type, default, {@code AllowedValues} and
 * {@code AllowedPattern} (a Java regular expression the whole value must match, as CloudFormation checks it).
 */
public record TemplateParameter(String name, String type, Optional<String> defaultValue, List<String> allowedValues,
                                Optional<String> allowedPattern) {

    private static final List<String> SUPPORTED_TYPES =
            List.of("String", "Number", "CommaDelimitedList", "List<Number>");

    public TemplateParameter {
        allowedValues = List.copyOf(allowedValues);
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new TemplateException("Parameters." + name + ".Type",
                    "type " + type + " is not supported locally (supported: " + SUPPORTED_TYPES + ")");
        }
    }

    /** The value a Ref to this parameter gives: a string, or a list of strings for the list types. */
    public Object value(String given) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(given)) {
            throw new TemplateException("Parameters." + name,
                    "value '" + given + "' is not one of the AllowedValues " + allowedValues);
        }
        if (allowedPattern.isPresent() && !given.matches(allowedPattern.get())) {
            throw new TemplateException("Parameters." + name,
                    "value '" + given + "' does not match the AllowedPattern " + allowedPattern.get());
        }
        if (type.equals("Number") || type.equals("List<Number>")) {
            for (String part : given.split(",", -1)) {
                try {
                    Double.parseDouble(part.trim());
                } catch (NumberFormatException e) {
                    throw new TemplateException("Parameters." + name, "'" + given + "' is not a " + type);
                }
            }
        }
        return type.startsWith("List") || type.equals("CommaDelimitedList")
                ? List.of(given.split(",", -1)).stream().map(String::trim).toList()
                : given;
    }
}
