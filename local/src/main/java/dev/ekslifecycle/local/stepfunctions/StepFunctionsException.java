package dev.ekslifecycle.local.stepfunctions;

/** An AWS-shaped Step Functions error: its code ({@code ExecutionDoesNotExist}), message and HTTP status. */
public final class StepFunctionsException extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;

    public StepFunctionsException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    public StepFunctionsException(String errorCode, String message, int httpStatus) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
