package dev.ekslifecycle.errors;

/**
 * EKS refused a request as invalid (InvalidParameterException, InvalidRequestException, ResourceLimitExceeded...):
 * retrying the same request cannot help. The message carries EKS's error code and message.
 */
public class EksRequestRejectedException extends RuntimeException {

    private final String errorCode;

    public EksRequestRejectedException(String errorCode, String message, Throwable cause) {
        super(errorCode + ": " + message, cause);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
