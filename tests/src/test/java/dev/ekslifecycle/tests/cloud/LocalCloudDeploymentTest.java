package dev.ekslifecycle.tests.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.LocalCloud;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A small template (as data) deployed by the local cloud onto the edge, checked only through public interfaces:
 * Lambda Invoke and EventBridge over the AWS SDK on the edge port, HTTP on the API port.
 */
class LocalCloudDeploymentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              HandlerName: {Type: String, Default: validate-cluster-spec}
            Globals:
              Function:
                Runtime: java21
                CodeUri: %s
                Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                Timeout: 30
                Environment:
                  Variables:
                    QUARKUS_LAMBDA_HANDLER: !Ref HandlerName
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties: {Name: !Sub "${AWS::StackName}-bus"}
              ValidateFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Validate: {Type: Api, Properties: {Path: /validate, Method: post}}
                    OnSpec:
                      Type: EventBridgeRule
                      Properties: {EventBusName: !Ref Bus, Pattern: {source: [eks-lifecycle.test]}}
                    Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
              Alerts:
                Type: AWS::SNS::Topic
            """;

    private static final String VALID_SPEC = """
            {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::000000000000:role/eks",
             "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}""";

    private static SimulationClock clock;
    private static LocalCloud cloud;
    private static LambdaClient lambda;
    private static EventBridgeClient events;

    static Path functionZip() {
        return Path.of(System.getProperty("repo.root"), "functions", "target", "function.zip");
    }

    static LocalCloud.Options options(Path template) {
        return LocalCloud.Options.of(template, clock).withPorts(0, 0);
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted(functionZip()));
        cloud = LocalCloud.start(new LocalCloud.Options(template, 0, 0, Optional.empty(), clock, 1, Map.of(), "it"));
        URI edge = URI.create(cloud.edgeUrl());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        lambda = LambdaClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        events = EventBridgeClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        events.close();
        cloud.close();
        clock.shutdown();
    }

    @Test
    void theFunctionRunsItsHandlerThroughLambdaInvoke() throws Exception {
        InvokeResponse response = lambda.invoke(b -> b.functionName("it-ValidateFunction")
                .payload(SdkBytes.fromUtf8String(VALID_SPEC)));
        assertEquals(null, response.functionError());
        JsonNode answer = JSON.readTree(response.payload().asUtf8String());
        assertTrue(answer.get("valid").asBoolean(), answer.toString());
        assertEquals("orders", answer.get("spec").get("name").asText());
    }

    @Test
    void eventBridgeRuleAndScheduleEventsBecomeRulesTargetingTheFunction() {
        String functionArn = "arn:aws:lambda:us-east-1:000000000000:function:it-ValidateFunction";
        List<Rule> onBus = events.listRules(b -> b.eventBusName("it-bus")).rules();
        assertEquals(List.of("it-ValidateFunctionOnSpec"), onBus.stream().map(Rule::name).toList());
        assertEquals("{\"source\":[\"eks-lifecycle.test\"]}", onBus.get(0).eventPattern());
        assertEquals(List.of(functionArn), events.listTargetsByRule(b -> b.eventBusName("it-bus")
                .rule("it-ValidateFunctionOnSpec")).targets().stream().map(t -> t.arn()).toList());
        assertEquals("rate(1 day)",
                events.describeRule(b -> b.name("it-ValidateFunctionNightly")).scheduleExpression());
    }

    @Test
    void apiEventsAreRoutesOnTheApiPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/nothing"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unknown.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", unknown.body());
        // the validation handler answers a spec check, not a proxy response: API Gateway's 502
        HttpResponse<String> routed = http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/validate"))
                .POST(HttpRequest.BodyPublishers.ofString(VALID_SPEC)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(502, routed.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", routed.body());
    }

    @Test
    void anUnsupportedResourceStopsStartUpNamingIt(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Network:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: 10.0.0.0/16}
                """);
        TemplateException e = assertThrows(TemplateException.class, () -> LocalCloud.start(options(template)));
        assertEquals("Resources.Network.Type", e.location());
    }

    @Test
    void aPropertyWithoutLocalBehaviourStopsStartUpNamingIt(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted(functionZip()) + """
                  Layered:
                    Type: AWS::Serverless::Function
                    Properties:
                      Layers: [arn:aws:lambda:us-east-1:000000000000:layer:x:1]
                """);
        TemplateException e = assertThrows(TemplateException.class, () -> LocalCloud.start(options(template)));
        assertEquals("Resources.Layered.Properties.Layers", e.location());
    }
}
