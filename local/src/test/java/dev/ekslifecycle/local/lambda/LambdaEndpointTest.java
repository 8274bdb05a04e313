package dev.ekslifecycle.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's Invoke, GetFunction and ListFunctions through the SDK against in-process handlers. */
class LambdaEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private SimulationClock clock;
    private HttpServerHost host;
    private LambdaClient lambda;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
        LambdaFunctions functions = new LambdaFunctions()
                .register("echo", payload -> {
                    received.add(new String(payload, StandardCharsets.UTF_8));
                    return payload;
                })
                .register("declines", payload -> {
                    throw new FunctionError("UpgradeBlocked", "cluster prod has a blocking insight");
                })
                .register("fails-elsewhere", payload -> {
                    throw new FunctionError("java.lang.IllegalArgumentException", "bad spec",
                            List.of("dev.ekslifecycle.Handler.handle(Handler.java:12)"));
                })
                .register("crashes", payload -> {
                    throw new IllegalStateException("bug");
                });
        host = HttpServerHost.start("lambda-test", 0, clock).add(new LambdaEndpoint(functions,
                new AsyncInvocations(functions, clock, new FaultInjector(1)), clock, new FaultInjector(1)));
        lambda = LambdaClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        lambda.close();
        host.close();
        clock.shutdown();
    }

    @Test
    void aRequestResponseInvocationReturnsTheHandlersPayload() {
        InvokeResponse response = lambda.invoke(i -> i.functionName("echo")
                .payload(SdkBytes.fromUtf8String("{\"cluster\":\"prod\"}")));
        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals("{\"cluster\":\"prod\"}", response.payload().asUtf8String());
    }

    @Test
    void functionsAreFoundByArnAndPartialArn() {
        lambda.invoke(i -> i.functionName("arn:aws:lambda:us-east-1:000000000000:function:echo").payload(
                SdkBytes.fromUtf8String("1")));
        lambda.invoke(i -> i.functionName("000000000000:function:echo:$LATEST").payload(SdkBytes.fromUtf8String("2")));
        assertEquals(List.of("1", "2"), received);
    }

    @Test
    void aFunctionErrorComesBackAsUnhandledWithTheErrorPayload() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName("declines"));
        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.functionError());
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertEquals("UpgradeBlocked", error.get("errorType").asText());
        assertEquals("cluster prod has a blocking insight", error.get("errorMessage").asText());
        assertTrue(error.get("stackTrace").isArray());

        JsonNode elsewhere = JSON.readTree(lambda.invoke(i -> i.functionName("fails-elsewhere")).payload()
                .asUtf8String());
        assertEquals(JSON.readTree("[\"dev.ekslifecycle.Handler.handle(Handler.java:12)\"]"),
                elsewhere.get("stackTrace"));

        JsonNode crash = JSON.readTree(lambda.invoke(i -> i.functionName("crashes")).payload().asUtf8String());
        assertEquals("java.lang.IllegalStateException", crash.get("errorType").asText());
    }

    @Test
    void unknownFunctionsAndVersionsAreNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lambda.invoke(i -> i.functionName("nope")));
        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().contains("arn:aws:lambda:us-east-1:000000000000:function:nope"), e.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(i -> i.functionName("echo").qualifier("7")));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(g -> g.functionName("nope")));
    }

    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        assertThrows(InvalidRequestContentException.class,
                () -> lambda.invoke(i -> i.functionName("echo").payload(SdkBytes.fromUtf8String("{oops"))));
        assertEquals(List.of(), received);
    }

    @Test
    void anEventInvocationIsAcceptedAndRunsLater() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"async\":true}")));
        assertEquals(202, response.statusCode());
        clock.awaitQuiescence(Duration.ofSeconds(5));
        assertEquals(List.of("{\"async\":true}"), received);

        assertEquals(204, lambda.invoke(i -> i.functionName("echo").invocationType(InvocationType.DRY_RUN))
                .statusCode());
        assertEquals(1, received.size());
    }

    @Test
    void functionsAreDescribedAndListed() {
        var function = lambda.getFunction(g -> g.functionName("echo")).configuration();
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:echo", function.functionArn());
        assertEquals("Active", function.stateAsString());
        assertEquals(List.of("crashes", "declines", "echo", "fails-elsewhere"),
                lambda.listFunctions().functions().stream().map(f -> f.functionName()).toList());
    }
}
