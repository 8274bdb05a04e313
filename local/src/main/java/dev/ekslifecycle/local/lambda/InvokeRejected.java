package dev.ekslifecycle.local.lambda;

/**
 * Lambda refused to take an invocation: the function does not exist ({@code ResourceNotFoundException}, 404) or
 * the call was throttled or failed ({@code TooManyRequestsException} 429, or another injected error).
 */
public final class InvokeRejected extends Exception {

    private final String errorCode;
    private final int status;

    public InvokeRejected(String errorCode, int status, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.status = status;
    }

    public String errorCode() {
        return errorCode;
    }

    public int status() {
        return status;
    }

    /** True when the caller may try again: throttling and server errors, not a missing function. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }
}
