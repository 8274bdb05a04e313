package dev.ekslifecycle.local.events;

/**
 * A target that could not take an event, with the error code EventBridge puts on a dead letter
 * ({@code NO_RESOURCE}, {@code THROTTLING}, {@code ERROR_FROM_TARGET}...) and whether EventBridge retries it: a
 * target that does not exist is not retried, throttling and server errors are.
 */
public final class DeliveryFailure extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public DeliveryFailure(String code, String message, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
    }

    /** The failure for a target service's error answer: its code and HTTP status. */
    public static DeliveryFailure fromServiceError(String errorCode, int status, String message) {
        String text = errorCode + ": " + message;
        if (status == 404 || errorCode.endsWith("DoesNotExist") || errorCode.endsWith("NotFoundException")) {
            return new DeliveryFailure("NO_RESOURCE", text, false);
        }
        if (status == 429 || errorCode.contains("Throttl") || errorCode.equals("TooManyRequestsException")) {
            return new DeliveryFailure("THROTTLING", text, true);
        }
        return new DeliveryFailure("ERROR_FROM_TARGET", text, status >= 500);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
