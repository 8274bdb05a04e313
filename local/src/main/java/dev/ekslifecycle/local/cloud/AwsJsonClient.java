package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Calls the JSON-protocol AWS APIs on the edge (DynamoDB, Step Functions, EventBridge, SQS) the way CloudFormation
 * does when it creates resources: through the services' public APIs, not their Java internals. Requests carry a
 * SigV4-shaped credential scope for routing; the local services do not check signatures.
 */
final class AwsJsonClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String region;

    AwsJsonClient(String endpoint, String region) {
        this.endpoint = URI.create(endpoint + "/");
        this.region = region;
    }

    /** The services and their protocol details. */
    enum Service {
        DYNAMODB("dynamodb", "DynamoDB_20120810", "1.0"),
        STEP_FUNCTIONS("states", "AWSStepFunctions", "1.0"),
        EVENTS("events", "AWSEvents", "1.1"),
        SQS("sqs", "AmazonSQS", "1.0");

        final String signingName;
        final String targetPrefix;
        final String jsonVersion;

        Service(String signingName, String targetPrefix, String jsonVersion) {
            this.signingName = signingName;
            this.targetPrefix = targetPrefix;
            this.jsonVersion = jsonVersion;
        }
    }

    /**
     * Calls {@code operation} and returns the response body.
     *
     * @throws AwsCallException with the service's error code when it answers with an error
     */
    JsonNode call(Service service, String operation, ObjectNode request) {
        HttpRequest http = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-" + service.jsonVersion)
                .header("X-Amz-Target", service.targetPrefix + "." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/" + DAY.format(java.time.Instant.now())
                        + "/" + region + "/" + service.signingName + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AwsCallException(service.signingName, operation, "ConnectionFailure", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(service.signingName, operation, "Interrupted", e.toString());
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String type = body.path("__type").asText(response.headers().firstValue("x-amzn-ErrorType").orElse("?"));
            String message = body.path("message").asText(body.path("Message").asText(response.body()));
            throw new AwsCallException(service.signingName, operation, type.substring(type.indexOf('#') + 1), message);
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", text);
        }
    }

    /** An error answer of a local AWS service. */
    static final class AwsCallException extends RuntimeException {
        private final String code;

        AwsCallException(String service, String operation, String code, String message) {
            super(service + " " + operation + " failed: " + code + ": " + message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
