package dev.ekslifecycle.local.apigateway;

/**
 * API Gateway's gateway response types with their default status codes. A type without its own customization falls
 * back to {@code DEFAULT_4XX} or {@code DEFAULT_5XX} by its status class; those two have no status of their own.
 */
public enum GatewayResponseType {
    DEFAULT_4XX(0),
    DEFAULT_5XX(0),
    ACCESS_DENIED(403),
    API_CONFIGURATION_ERROR(500),
    AUTHORIZER_CONFIGURATION_ERROR(500),
    AUTHORIZER_FAILURE(500),
    BAD_REQUEST_PARAMETERS(400),
    BAD_REQUEST_BODY(400),
    EXPIRED_TOKEN(403),
    INTEGRATION_FAILURE(504),
    INTEGRATION_TIMEOUT(504),
    INVALID_API_KEY(403),
    INVALID_SIGNATURE(403),
    MISSING_AUTHENTICATION_TOKEN(403),
    QUOTA_EXCEEDED(429),
    REQUEST_TOO_LARGE(413),
    RESOURCE_NOT_FOUND(404),
    THROTTLED(429),
    UNAUTHORIZED(401),
    UNSUPPORTED_MEDIA_TYPE(415),
    WAF_FILTERED(403);

    private final int defaultStatus;

    GatewayResponseType(int defaultStatus) {
        this.defaultStatus = defaultStatus;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    /** The fallback for a refusal of this status when its own type is not customized. */
    static GatewayResponseType fallbackFor(int status) {
        return status >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }
}
