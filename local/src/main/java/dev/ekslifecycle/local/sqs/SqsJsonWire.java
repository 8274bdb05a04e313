package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * SQS's awsJson1_0 wire ({@code X-Amz-Target: AmazonSQS.<Operation>}, as the AWS SDK v2 speaks it since SQS moved
 * off the Query protocol): errors with the modelled {@code __type} and the {@code x-amzn-query-error} header SDKs
 * read the legacy code from.
 */
final class SqsJsonWire implements SqsWire {

    private static final String TARGET_PREFIX = "AmazonSQS.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The operation a JSON-protocol request names; empty for a request of another protocol or service. */
    static Optional<String> operation(Request request) {
        return request.awsJsonOperation(TARGET_PREFIX);
    }

    @Override
    public Call read(Request request) throws SqsException {
        JsonNode body;
        try {
            body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw serialization("The request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw serialization("The request body must be a JSON object");
        }
        return new Call(operation(request).orElseThrow(), body);
    }

    @Override
    public String unknownOperationCode() {
        return "UnknownOperationException";
    }

    @Override
    public Response answer(String operation, ObjectNode output, String requestId) {
        return Response.of(200, CONTENT_TYPE, output.toString()).withHeader("x-amzn-RequestId", requestId);
    }

    @Override
    public Response error(SqsException e, String requestId) {
        ObjectNode error = JSON.createObjectNode().put("__type", "com.amazonaws.sqs#" + e.type())
                .put("message", e.getMessage());
        return Response.of(e.status(), CONTENT_TYPE, error.toString())
                .withHeader("x-amzn-query-error", e.queryCode() + ";" + e.fault())
                .withHeader("x-amzn-RequestId", requestId);
    }

    private static SqsException serialization(String message) {
        return new SqsException("SerializationException", "SerializationException", 400, message);
    }
}
