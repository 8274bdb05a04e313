package dev.ekslifecycle.local.stepfunctions.errors;

/**
 * An error raised while a state runs, with the name Retry and Catch match on ({@code States.Timeout}, a Lambda
 * function's error type, {@code DynamoDB.ConditionalCheckFailedException}, ...) and its cause text. It carries no
 * stack trace: it is control flow, raised thousands of times a second in retry-heavy workflows.
 */
public final class StatesError extends RuntimeException {

    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(null, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    /** Built when asked for (a log line), not for each of the errors Retry and Catch handle. */
    @Override
    public String getMessage() {
        return error + (cause == null ? "" : ": " + cause);
    }

    public static StatesError runtime(String cause) {
        return new StatesError(ErrorNames.RUNTIME, cause);
    }

    public static StatesError intrinsic(String cause) {
        return new StatesError(ErrorNames.INTRINSIC_FAILURE, cause);
    }

    public String error() {
        return error;
    }

    /** The cause text, or null when the error has none. */
    public String cause() {
        return cause;
    }
}
