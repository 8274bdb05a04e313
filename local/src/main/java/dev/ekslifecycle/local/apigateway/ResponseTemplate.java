package dev.ekslifecycle.local.apigateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway response's body template. API Gateway does not run these through VTL: it only substitutes variables
 * ({@code $context.error.messageString}, {@code ${context.requestId}}). This supports the variables the local
 * gateway knows ({@link #VARIABLES}); any other reference ({@code $input.body}, {@code $util...},
 * {@code $stageVariables...}) or a VTL directive ({@code #if}, {@code #set}, ...) is refused when the template is
 * read, since it would not do there what its author meant.
 */
public final class ResponseTemplate {

    /** The variables substituted, without their {@code $}. */
    public static final Set<String> VARIABLES = Set.of("context.error.message", "context.error.messageString",
            "context.error.responseType", "context.error.validationErrorString", "context.requestId",
            "context.extendedRequestId", "context.apiId", "context.stage", "context.httpMethod");

    private static final String NAME = "[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*";
    /** {@code $name.path}, {@code $!name.path} or the formal {@code ${name.path}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$!?(?:\\{(" + NAME + ")}|(" + NAME + "))");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "#\\{?(set|if|elseif|else|end|foreach|include|parse|macro|stop|break|define|evaluate)\\b|##|#\\*");

    /** Literal text and variable names, in order; a variable is marked by {@link Variable}. */
    private final List<Object> parts;

    private ResponseTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    private record Variable(String name) {
    }

    /** @throws IllegalArgumentException naming the first construct that is not a supported variable */
    public static ResponseTemplate parse(String text) {
        Matcher directive = DIRECTIVE.matcher(text);
        if (directive.find()) {
            throw new IllegalArgumentException("gateway response templates are not VTL; "
                    + directive.group() + " is not supported (only $context variables " + sorted() + ")");
        }
        List<Object> parts = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text);
        int at = 0;
        while (reference.find()) {
            String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
            if (!VARIABLES.contains(name)) {
                throw new IllegalArgumentException(reference.group() + " is not supported in a gateway response"
                        + " template (only " + sorted() + ")");
            }
            parts.add(text.substring(at, reference.start()));
            parts.add(new Variable(name));
            at = reference.end();
        }
        parts.add(text.substring(at));
        return new ResponseTemplate(parts);
    }

    /** The body with each variable replaced by its value in {@code values}. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Variable v ? values.getOrDefault(v.name(), "") : (String) part);
        }
        return out.toString();
    }

    private static List<String> sorted() {
        return VARIABLES.stream().sorted().map(v -> "$" + v).toList();
    }
}
