package dev.ekslifecycle.local.stepfunctions.tasks;

/**
 * Lambda refused an invocation; the task fails with {@code Lambda.<errorCode>} (for example
 * {@code Lambda.TooManyRequestsException}, {@code Lambda.ServiceException}).
 */
public final class LambdaServiceException extends Exception {

    private final String errorCode;

    public LambdaServiceException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
