package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Lambda function returned: its result, or a function error with its type ({@code errorType}) and message,
 * as the Lambda Invoke API reports them ({@code X-Amz-Function-Error} and a body with errorType/errorMessage).
 *
 * @param payload the result (on success) or the error body (on a function error)
 */
public record LambdaResponse(JsonNode payload, String errorType, String errorMessage, String executedVersion) {

    public static LambdaResponse success(JsonNode payload) {
        return new LambdaResponse(payload, null, null, "$LATEST");
    }

    public static LambdaResponse functionError(String errorType, String errorMessage) {
        var body = dev.ekslifecycle.local.stepfunctions.json.Json.object();
        body.put("errorType", errorType);
        body.put("errorMessage", errorMessage);
        return new LambdaResponse(body, errorType, errorMessage, "$LATEST");
    }

    public boolean isFunctionError() {
        return errorType != null;
    }
}
