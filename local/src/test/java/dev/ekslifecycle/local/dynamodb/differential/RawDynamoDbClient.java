package dev.ekslifecycle.local.dynamodb.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends a DynamoDB request exactly as written in a corpus file, so both servers see the same bytes. */
final class RawDynamoDbClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;

    RawDynamoDbClient(String url) {
        this.endpoint = URI.create(url + "/");
    }

    record Reply(int status, JsonNode body) {
    }

    Reply call(String operation, JsonNode request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build();
        HttpResponse<byte[]> response = HTTP.send(http, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), parse(response.body()));
    }

    /** The JSON body; a body that is not JSON (moto's HTML error page) becomes an error of its own type. */
    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("__type", "#NotJson")
                    .put("message", new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
        }
    }

    /** Moto's own endpoint that forgets every table. */
    void resetMoto() throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
