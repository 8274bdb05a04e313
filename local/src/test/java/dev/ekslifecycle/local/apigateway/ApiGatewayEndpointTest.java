package dev.ekslifecycle.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.lambda.FunctionError;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiGatewayEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulationClock clock;
    private HttpServerHost server;
    private HttpServerHost iamServer;

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(T0);
        LambdaFunctions functions = new LambdaFunctions()
                .register("echo", ApiGatewayEndpointTest::echo)
                .register("other", payload -> proxyAnswer(200, "{}", "\"other\""))
                .register("failing", payload -> {
                    throw new FunctionError("java.lang.IllegalStateException", "boom");
                })
                .register("malformed", payload -> "{\"body\":\"no status\"}".getBytes(StandardCharsets.UTF_8))
                .register("binary", payload -> proxyAnswer(201,
                        "{\"Content-Type\":\"application/octet-stream\"}",
                        "\"" + Base64.getEncoder().encodeToString(new byte[] {0, -1, 7}) + "\", \"isBase64Encoded\": true"));
        RestApi api = new RestApi("localapi01", "Prod", List.of(
                new ApiRoute("GET", "/clusters/{name}", "echo"),
                new ApiRoute("post", "/clusters", "echo"),
                new ApiRoute("GET", "/clusters/special", "other"),
                new ApiRoute("ANY", "/files/{path+}", "echo"),
                new ApiRoute("GET", "/fail", "failing"),
                new ApiRoute("GET", "/malformed", "malformed"),
                new ApiRoute("GET", "/binary", "binary")), List.of("image/png"), false);
        server = HttpServerHost.start("api", 0, clock).add(new ApiGatewayEndpoint(api, functions, clock));
        iamServer = HttpServerHost.start("iam-api", 0, clock).add(new ApiGatewayEndpoint(
                new RestApi("iamapi0001", "v1", List.of(new ApiRoute("GET", "/clusters/{name}", "echo")), List.of(),
                        true), functions, clock));
    }

    @AfterEach
    void stop() {
        server.close();
        iamServer.close();
        clock.shutdown();
    }

    /** A function answering with the proxy event it received as its body. */
    private static byte[] echo(byte[] event) {
        ObjectNode answer = JSON.createObjectNode().put("statusCode", 200).put("body", new String(event, StandardCharsets.UTF_8));
        answer.putObject("headers").put("X-Echo", "yes");
        answer.putObject("multiValueHeaders").putArray("X-Multi").add("a").add("b");
        return answer.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] proxyAnswer(int status, String headers, String bodyAndMore) {
        return ("{\"statusCode\":" + status + ",\"headers\":" + headers + ",\"body\":" + bodyAndMore + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("User-Agent", "api-test");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode eventOf(HttpResponse<byte[]> response) throws Exception {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    @Test
    void aRouteGetsAProxyEventOfPayloadFormatOne() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/clusters/orders?view=full&tag=a&tag=b%20c", null, null);
        JsonNode event = eventOf(response);
        assertEquals("yes", response.headers().firstValue("X-Echo").orElseThrow());
        assertEquals("a,b", response.headers().firstValue("X-Multi").orElseThrow());
        assertEquals("/clusters/{name}", event.get("resource").asText());
        assertEquals("/clusters/orders", event.get("path").asText());
        assertEquals("GET", event.get("httpMethod").asText());
        assertEquals("orders", event.get("pathParameters").get("name").asText());
        assertEquals("b c", event.get("queryStringParameters").get("tag").asText());
        assertEquals(List.of("a", "b c"), JSON.convertValue(event.get("multiValueQueryStringParameters").get("tag"),
                List.class));
        assertEquals("api-test", event.get("headers").get("User-Agent").asText());
        assertTrue(event.get("body").isNull());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        JsonNode context = event.get("requestContext");
        assertEquals("Prod", context.get("stage").asText());
        assertEquals("/Prod/clusters/orders", context.get("path").asText());
        assertEquals("/clusters/{name}", context.get("resourcePath").asText());
        assertEquals("localapi01", context.get("apiId").asText());
        assertEquals("000000000000", context.get("accountId").asText());
        assertEquals(T0.toEpochMilli(), context.get("requestTimeEpoch").asLong());
        assertEquals("25/Nov/2026:10:00:00 +0000", context.get("requestTime").asText());
        assertEquals("127.0.0.1", context.get("identity").get("sourceIp").asText());
        assertEquals("api-test", context.get("identity").get("userAgent").asText());
        assertTrue(context.get("identity").get("caller").isNull());
    }

    @Test
    void textBodiesArriveAsTextAndBinaryMediaTypesAsBase64() throws Exception {
        JsonNode text = eventOf(send("POST", "/clusters", "{\"name\":\"ü\"}".getBytes(StandardCharsets.UTF_8),
                "application/json"));
        assertEquals("{\"name\":\"ü\"}", text.get("body").asText());
        assertFalse(text.get("isBase64Encoded").asBoolean());
        assertTrue(text.get("queryStringParameters").isNull());
        assertTrue(text.get("pathParameters").isNull());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        JsonNode binary = eventOf(send("PUT", "/files/a/b.png", png, "image/png"));
        assertTrue(binary.get("isBase64Encoded").asBoolean());
        assertArrayEquals(png, Base64.getDecoder().decode(binary.get("body").asText()));
        assertEquals("a/b.png", binary.get("pathParameters").get("path").asText());
    }

    @Test
    void aBase64AnswerIsDecoded() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/binary", null, null);
        assertEquals(201, response.statusCode());
        assertArrayEquals(new byte[] {0, -1, 7}, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aLiteralResourceWinsOverAParameter() throws Exception {
        assertEquals("other", new String(send("GET", "/clusters/special", null, null).body(), StandardCharsets.UTF_8));
    }

    @Test
    void withIamAuthorizationOnlySignedRequestsGetThroughAndTheCallerIsTheIdentity() throws Exception {
        URI uri = URI.create(iamServer.url() + "/clusters/orders");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unsigned.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", unsigned.body());

        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(uri).header("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261125/us-east-1/execute-api/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=abc").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signed.statusCode(), signed.body());
        JsonNode identity = JSON.readTree(signed.body()).get("requestContext").get("identity");
        assertEquals("AKIDLOCAL", identity.get("accessKey").asText());
        assertEquals("000000000000", identity.get("accountId").asText());
        assertEquals("arn:aws:iam::000000000000:user/AKIDLOCAL", identity.get("userArn").asText());
        assertEquals("v1", JSON.readTree(signed.body()).get("requestContext").get("stage").asText());
        assertEquals(JSON.readTree(signed.body()).get("requestContext").get("requestId").asText(),
                signed.headers().firstValue("x-amzn-RequestId").orElseThrow(),
                "the function's answer carries the request id its event had");
    }

    @ParameterizedTest
    @CsvSource({"GET,/nothing", "DELETE,/clusters/orders", "GET,/clusters", "GET,/files", "GET,/clusters/a/b"})
    void noRouteIsApiGatewaysMissingAuthenticationToken(String method, String path) throws Exception {
        HttpResponse<byte[]> response = send(method, path, null, null);
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("MissingAuthenticationTokenException",
                response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"/fail", "/malformed"})
    void aFunctionErrorOrAMalformedAnswerIs502(String path) throws Exception {
        HttpResponse<byte[]> response = send("GET", path, null, null);
        assertEquals(502, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", new String(response.body(), StandardCharsets.UTF_8));
    }
}
