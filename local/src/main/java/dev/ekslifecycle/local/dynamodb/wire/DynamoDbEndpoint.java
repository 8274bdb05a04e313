package dev.ekslifecycle.local.dynamodb.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException.CancellationReason;
import dev.ekslifecycle.local.dynamodb.operations.DynamoDbService;
import dev.ekslifecycle.local.http.CredentialScope;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB's awsJson1_0 protocol: {@code POST /} with {@code X-Amz-Target: DynamoDB_20120810.<Operation>} and a
 * JSON body; errors as {@code {"__type": ..., "message": ...}} with HTTP 400 or 500.
 */
public final class DynamoDbEndpoint implements Endpoint {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbService service;
    // Request ids only need to be unique; a counter avoids UUID.randomUUID()'s shared SecureRandom per request.
    private final AtomicLong requestIds = new AtomicLong();
    private final String idPrefix = Long.toHexString(System.nanoTime()) + "-";

    public DynamoDbEndpoint(DynamoDbService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public boolean accepts(Request request) {
        return request.awsJsonOperation(TARGET_PREFIX).isPresent();
    }

    @Override
    public Response handle(Request request) throws IOException {
        String operation = request.awsJsonOperation(TARGET_PREFIX).orElseThrow();
        String region = request.credentialScope().map(CredentialScope::region).orElse(LocalAccount.DEFAULT_REGION);
        try {
            JsonNode body = parse(request.body());
            return respond(200, service.call(operation, body, region));
        } catch (DynamoDbException e) {
            return respond(e.status(), error(e));
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw DynamoDbException.serialization("Start of structure or map found where not expected.");
            }
            return node;
        } catch (IOException e) {
            throw DynamoDbException.serialization("Could not parse the request body as JSON");
        }
    }

    private static ObjectNode error(DynamoDbException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", e.wireType());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        if (e.item() != null) {
            body.set("Item", ValueJson.writeItem(e.item()));
        }
        if (!e.reasons().isEmpty()) {
            ArrayNode reasons = body.putArray("CancellationReasons");
            for (CancellationReason r : e.reasons()) {
                ObjectNode n = reasons.addObject();
                n.put("Code", r.code());
                if (r.message() != null) {
                    n.put("Message", r.message());
                }
                if (r.item() != null) {
                    n.set("Item", ValueJson.writeItem(r.item()));
                }
            }
        }
        return body;
    }

    private Response respond(int status, ObjectNode body) throws JsonProcessingException {
        return new Response(status, Map.of("Content-Type", CONTENT_TYPE,
                "x-amzn-RequestId", idPrefix + requestIds.incrementAndGet()), JSON.writeValueAsBytes(body));
    }
}
