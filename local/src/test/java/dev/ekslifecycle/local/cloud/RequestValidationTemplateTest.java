package dev.ekslifecycle.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ekslifecycle.local.cloud.template.TemplateException;
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
 * The {@link TestTemplate}'s API served as the local cloud serves it: its {@code Models} and the events'
 * {@code RequestModel} and {@code RequestParameters} become API Gateway request validators, so an invalid request
 * gets API Gateway's 400 and never reaches the function.
 */
class RequestValidationTemplateTest {

    private static final String VALID = "{\"name\":\"prod\",\"kubernetesVersion\":\"1.31\",\"nodeGroups\":[{}]}";

    private final List<String> invocations = new CopyOnWriteArrayList<>();
    private ServedTestTemplate served;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        served = new ServedTestTemplate("async-and-models-template.yaml", dir, event -> {
            invocations.add(new String(event, StandardCharsets.UTF_8));
            return "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        });
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body,
                                      Map<String, String> headers) throws Exception {
        return served.send(method, path, contentType, body, headers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a required property missing|application/json|{\"name\":\"prod\"}",
        "a pattern not matched|application/json|{\"name\":\"Prod!\",\"kubernetesVersion\":\"1.31\"}",
        "a property not in the model|application/json|{\"name\":\"p\",\"kubernetesVersion\":\"1.31\",\"x\":1}",
        "too many items|application/json|{\"name\":\"p\",\"kubernetesVersion\":\"1.31\",\"nodeGroups\":[{},{},{},{}]}",
        "not JSON|application/json|{\"name\":",
        "an array|application/json; charset=utf-8|[]",
        "no content type, taken as JSON|`NONE`|{}",
    })
    void aBodyTheModelRefusesGetsApiGatewaysAnswerAndTheFunctionIsNotInvoked(String why, String type, String body)
            throws Exception {
        HttpResponse<String> response = send("POST", "/clusters", type.equals("NONE") ? null : type, body, Map.of());
        assertEquals(400, response.statusCode(), why);
        assertEquals("{\"message\":\"Invalid request body\"}", response.body());
        assertEquals("BadRequestException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals(List.of(), invocations);
    }

    @Test
    void aValidBodyAndOtherContentTypesReachTheFunction() throws Exception {
        assertEquals(200, send("POST", "/clusters", "application/json", VALID, Map.of()).statusCode());
        assertEquals(200, send("POST", "/clusters", "application/yaml", "name: [", Map.of()).statusCode(),
                "the model is for application/json only");
        assertEquals(2, invocations.size());
    }

    @Test
    void anEmptyBodyFailsARequiredModel() throws Exception {
        HttpResponse<String> response = send("POST", "/clusters", "application/json", null, Map.of());
        assertEquals(400, response.statusCode());
        assertEquals(List.of(), invocations);
    }

    @Test
    void requiredParametersAreCheckedOnlyWhereTheMethodHasAValidator() throws Exception {
        HttpResponse<String> missing = send("PUT", "/clusters/prod", "application/json", VALID, Map.of());
        assertEquals(400, missing.statusCode());
        assertEquals("{\"message\":\"Missing required request parameters: [Idempotency-Key]\"}", missing.body());
        assertEquals(400, send("PUT", "/clusters/prod", "application/json", "{}",
                Map.of("Idempotency-Key", "k1")).statusCode(), "ValidateParameters alone validates the body too");
        assertEquals(List.of(), invocations);

        assertEquals(200, send("PUT", "/clusters/prod", "application/json", VALID,
                Map.of("Idempotency-Key", "k1")).statusCode());
        assertEquals(200, send("GET", "/clusters", null, null, Map.of()).statusCode(),
                "RequestParameters without a RequestModel give no validator");
        assertEquals(2, invocations.size());
    }

    @Test
    void aRequestModelNamingNoModelStopsStartUp(@TempDir Path dir) throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: v1, Models: {Spec: {type: object}}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: a.B::handle
                      CodeUri: function.zip
                      Events:
                        Post:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /x
                            Method: post
                            RequestModel: {Model: Missing, ValidateBody: true}
                """;
        TemplateException e = served.refusal(yaml, dir);
        assertEquals("Resources.Fn.Properties.Events.Post.Properties.RequestModel.Model", e.location(), e.getMessage());
    }
}
