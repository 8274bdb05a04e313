package dev.ekslifecycle.local.functions;

import java.util.Map;

/**
 * What a function needs to run: its name and ARN, the handler ({@code Class::method}), its environment (every
 * variable, those Lambda defines included), memory and timeout as the context reports them.
 */
public record FunctionSpec(String name, String arn, String handler, Map<String, String> environment,
                           int memoryMb, int timeoutSeconds) {

    /** {@code Class::method}, as Lambda's Java runtime takes a handler. */
    public static final String HANDLER_FORMAT = "[\\w.$]+::\\w+";

    public FunctionSpec {
        environment = Map.copyOf(environment);
        if (!handler.matches(HANDLER_FORMAT)) {
            throw new IllegalArgumentException("handler must be Class::method, not '" + handler + "'");
        }
    }

    public String handlerClass() {
        return handler.substring(0, handler.indexOf("::"));
    }

    public String handlerMethod() {
        return handler.substring(handler.indexOf("::") + 2);
    }
}
