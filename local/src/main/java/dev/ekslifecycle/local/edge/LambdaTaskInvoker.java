package dev.ekslifecycle.local.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.lambda.Invocation;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaInvoker;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaResponse;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaServiceException;

/**
 * Step Functions' Lambda tasks call the edge's Lambda functions in process, with the answers Lambda Invoke gives:
 * {@code ResourceNotFoundException} for an unknown function, a function error with its type and message.
 */
final class LambdaTaskInvoker implements LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaFunctions functions;

    LambdaTaskInvoker(LambdaFunctions functions) {
        this.functions = functions;
    }

    @Override
    public LambdaResponse invoke(String functionName, JsonNode payload) throws LambdaServiceException {
        String name = functions.resolve(functionName).orElseThrow(() -> new LambdaServiceException(
                "ResourceNotFoundException", "Function not found: " + functionName));
        byte[] request;
        try {
            request = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new LambdaServiceException("InvalidRequestContentException", e.getOriginalMessage());
        }
        Invocation invocation = functions.invoke(name, request);
        JsonNode result = parse(invocation);
        return invocation.failed()
                ? LambdaResponse.functionError(result.path("errorType").asText(), result.path("errorMessage").asText())
                : LambdaResponse.success(result);
    }

    /** The function's answer as JSON; an answer that is not JSON is passed on as a string, as Lambda does. */
    private static JsonNode parse(Invocation invocation) {
        try {
            return JSON.readTree(invocation.payload());
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(invocation.payloadText());
        }
    }
}
