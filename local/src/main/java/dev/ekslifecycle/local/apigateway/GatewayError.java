package dev.ekslifecycle.local.apigateway;

/**
 * A request the gateway answers itself instead of the integration: the gateway response type, the status, the
 * message ({@code $context.error.message}), the {@code x-amzn-ErrorType} and, for a body the model refuses, the
 * validator's findings ({@code $context.error.validationErrorString}, empty otherwise).
 */
record GatewayError(GatewayResponseType type, int status, String message, String errorType,
                    String validationErrors) {

    static GatewayError missingAuthenticationToken() {
        return new GatewayError(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, 403, "Missing Authentication Token",
                "MissingAuthenticationTokenException", "");
    }

    static GatewayError badRequestBody(String validationErrors) {
        return new GatewayError(GatewayResponseType.BAD_REQUEST_BODY, 400, "Invalid request body",
                "BadRequestException", validationErrors);
    }

    static GatewayError badRequestParameters(String message) {
        return new GatewayError(GatewayResponseType.BAD_REQUEST_PARAMETERS, 400, message, "BadRequestException",
                message);
    }

    /**
     * A function error or an answer that is not a proxy response: API Gateway's 502, which no specific type
     * covers, so only {@code DEFAULT_5XX} customizes it.
     */
    static GatewayError internalServerError() {
        return new GatewayError(GatewayResponseType.DEFAULT_5XX, 502, "Internal server error",
                "InternalServerErrorException", "");
    }
}
