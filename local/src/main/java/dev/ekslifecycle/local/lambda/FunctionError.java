package dev.ekslifecycle.local.lambda;

import java.util.Arrays;
import java.util.List;

/**
 * A function's own failure: Lambda reports it as {@code Unhandled} with this type, message and stack trace (the
 * one given, for a failure that happened elsewhere such as in a function's own class loader; else this exception's).
 */
public class FunctionError extends Exception {

    private final String errorType;
    private final List<String> stackTrace;

    public FunctionError(String errorType, String errorMessage) {
        super(errorMessage);
        this.errorType = errorType;
        this.stackTrace = null;
    }

    public FunctionError(String errorType, String errorMessage, List<String> stackTrace) {
        super(errorMessage, null, false, false);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
    }

    public String errorType() {
        return errorType;
    }

    /** The frames Lambda puts in the error payload's {@code stackTrace}. */
    public List<String> frames() {
        return stackTrace != null ? stackTrace
                : Arrays.stream(getStackTrace()).map(StackTraceElement::toString).toList();
    }
}
