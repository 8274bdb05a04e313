package dev.ekslifecycle.local.eks.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error EKS answers with: its code (the exception shape name), HTTP status and message, plus the members EKS
 * adds to some errors, such as {@code clusterName}.
 */
public final class EksError extends RuntimeException {

    private final String code;
    private final int httpStatus;
    private final Map<String, String> members = new LinkedHashMap<>();

    public EksError(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static EksError invalidParameter(String message) {
        return new EksError("InvalidParameterException", 400, message);
    }

    public static EksError invalidRequest(String message) {
        return new EksError("InvalidRequestException", 400, message);
    }

    public static EksError resourceInUse(String message) {
        return new EksError("ResourceInUseException", 409, message);
    }

    public static EksError resourceNotFound(String message) {
        return new EksError("ResourceNotFoundException", 404, message);
    }

    public static EksError limitExceeded(String message) {
        return new EksError("ResourceLimitExceededException", 400, message);
    }

    /** The tagging operations' own not-found error. */
    public static EksError tagTargetNotFound(String message) {
        return new EksError("NotFoundException", 404, message);
    }

    public static EksError badRequest(String message) {
        return new EksError("BadRequestException", 400, message);
    }

    /** Adds a member such as {@code clusterName} to the error body. */
    public EksError with(String member, String value) {
        if (value != null) {
            members.put(member, value);
        }
        return this;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, String> members() {
        return Map.copyOf(members);
    }
}
