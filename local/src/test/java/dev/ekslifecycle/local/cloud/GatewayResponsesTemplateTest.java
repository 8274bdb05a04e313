package dev.ekslifecycle.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.lambda.FunctionError;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gateway-responses-template.yaml}'s API served as the local cloud serves it: the responses the gateway
 * gives itself follow the template's {@code GatewayResponses} (status, headers, body with {@code $context}
 * variables), type by type or through the {@code DEFAULT_4XX}/{@code DEFAULT_5XX} fallbacks.
 */
class GatewayResponsesTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> invocations = new CopyOnWriteArrayList<>();
    private ServedTestTemplate served;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        served = new ServedTestTemplate("gateway-responses-template.yaml", dir, event -> {
            String text = new String(event, StandardCharsets.UTF_8);
            invocations.add(text);
            if (text.contains("\"path\":\"/clusters/boom\"")) {
                throw new FunctionError("java.lang.IllegalStateException", "boom");
            }
            return "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        });
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return served.send(method, path, "application/json", body, headers);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a required property missing|{}|name",
        "a value outside the enumeration, quoted in the finding|{\"name\":\"a\",\"size\":\"huge\"}|enumeration",
        "not JSON|{\"name\":|not JSON",
    })
    void aBodyTheModelRefusesGetsTheCustomizedBadRequestBody(String why, String body, String finding)
            throws Exception {
        HttpResponse<String> response = send("POST", "/clusters", body, Map.of());
        assertEquals(400, response.statusCode(), why);
        assertEquals("application/problem+json", header(response, "Content-Type"));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("https://example.test/problems/invalid-request", problem.path("type").asText());
        assertEquals(400, problem.path("status").asInt());
        assertEquals("Invalid request body", problem.path("detail").asText());
        String errors = problem.path("validationErrors").asText();
        assertTrue(errors.startsWith("[") && errors.contains(finding), errors);
        assertEquals(header(response, "x-amzn-RequestId"), problem.path("requestId").asText());
        assertEquals("BadRequestException", header(response, "x-amzn-ErrorType"));
        assertEquals(List.of(), invocations);
    }

    @Test
    void anUnknownRouteGetsItsCustomizedStatusAndTemplate() throws Exception {
        HttpResponse<String> response = send("DELETE", "/nowhere", "", Map.of());
        assertEquals(404, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("MissingAuthenticationTokenException", header(response, "x-amzn-ErrorType"));
        assertEquals(JSON.readTree("{\"title\":\"Not Found\",\"detail\":\"Missing Authentication Token\","
                + "\"on\":\"DELETE v1\"}"), JSON.readTree(response.body()));
    }

    @Test
    void aTypeNotCustomizedFallsBackToDefault4xxKeepingItsStatus() throws Exception {
        HttpResponse<String> response = send("PUT", "/clusters/prod", "{\"name\":\"prod\"}",
                Map.of("X-Correlation-Id", "c-42"));
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        assertEquals("c-42", header(response, "X-Correlation-Id"), "a header taken from the request");
        assertEquals(JSON.readTree("{\"title\":\"Refused\",\"responseType\":\"BAD_REQUEST_PARAMETERS\","
                + "\"detail\":\"Missing required request parameters: [Idempotency-Key]\"}"),
                JSON.readTree(response.body()));
        assertEquals(List.of(), invocations);
    }

    @Test
    void aFunctionErrorFallsBackToDefault5xx() throws Exception {
        HttpResponse<String> response = send("PUT", "/clusters/boom", "{\"name\":\"boom\"}",
                Map.of("Idempotency-Key", "k1"));
        assertEquals(502, response.statusCode());
        assertEquals(JSON.readTree("{\"detail\":\"Internal server error\",\"apiId\":\"" + served.deployed.api().id()
                + "\"}"), JSON.readTree(response.body()));
        assertEquals(1, invocations.size());
        assertEquals(200, send("PUT", "/clusters/prod", "{\"name\":\"prod\"}", Map.of("Idempotency-Key", "k1"))
                .statusCode(), "a valid request still reaches the function");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a VTL directive|DEFAULT_4XX: {ResponseTemplates: {application/json: '#if($x)a#end'}}"
            + "|GatewayResponses.DEFAULT_4XX.ResponseTemplates.application/json",
        "an input reference|DEFAULT_4XX: {ResponseTemplates: {application/json: '{\"b\": $input.body}'}}"
            + "|GatewayResponses.DEFAULT_4XX.ResponseTemplates.application/json",
        "a util call|DEFAULT_5XX: {ResponseTemplates: {text/plain: '$util.escapeJavaScript($context.requestId)'}}"
            + "|GatewayResponses.DEFAULT_5XX.ResponseTemplates.text/plain",
        "an unknown response type|NOT_A_TYPE: {StatusCode: 400}|GatewayResponses.NOT_A_TYPE",
        "a status out of range|THROTTLED: {StatusCode: 700}|GatewayResponses.THROTTLED",
        "a header from the context|THROTTLED: {ResponseParameters: {Headers: {X-Id: context.requestId}}}"
            + "|GatewayResponses.THROTTLED",
        "a path parameter mapping|THROTTLED: {ResponseParameters: {Paths: {a: b}}}"
            + "|GatewayResponses.THROTTLED.ResponseParameters.Paths",
    })
    void whatGatewayResponsesDoNotSupportLocallyStopsStartUp(String why, String responses, String property,
                                                            @TempDir Path dir) throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      GatewayResponses: {%s}
                """.formatted(responses);
        TemplateException e = served.refusal(yaml, dir);
        assertEquals("Resources.Api.Properties." + property, e.location(), why + ": " + e.getMessage());
    }
}
