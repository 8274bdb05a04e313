package dev.ekslifecycle.local.functions;

import java.util.List;

/**
 * A function's own failure, reported the way AWS's Java runtime reports it: {@code errorType} is the exception's
 * fully qualified class name ({@code getClass().getName()}, as the runtime interface client does), which is what a
 * Step Functions {@code ErrorEquals} matches.
 */
public final class FunctionFailure extends Exception {

    private final String errorType;
    private final List<String> stackTrace;

    public FunctionFailure(String errorType, String errorMessage, List<String> stackTrace) {
        super(errorMessage);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
    }

    /** The failure of a handler that threw {@code thrown}; the message defaults to the class name, as on AWS. */
    public static FunctionFailure thrownBy(Throwable thrown) {
        String message = thrown.getLocalizedMessage() == null ? thrown.getClass().getName()
                : thrown.getLocalizedMessage();
        List<String> trace = java.util.Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::toString).toList();
        return new FunctionFailure(thrown.getClass().getName(), message, trace);
    }

    public String errorType() {
        return errorType;
    }

    public List<String> stackTrace() {
        return stackTrace;
    }
}
