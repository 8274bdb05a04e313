package dev.ekslifecycle.local.lambda;

/** A function's own failure: Lambda reports it as {@code Unhandled} with this type and message. */
public class FunctionError extends Exception {

    private final String errorType;

    public FunctionError(String errorType, String errorMessage) {
        super(errorMessage);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
