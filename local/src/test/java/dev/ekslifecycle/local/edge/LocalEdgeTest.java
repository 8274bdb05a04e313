package dev.ekslifecycle.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The edge: services on one port, the control API over HTTP, fault injection seen through the SDK. */
class LocalEdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private EdgeFixture fixture;
    private SimulationClock clock;
    private LocalEdge edge;
    private EventBridgeClient events;

    @BeforeEach
    void start() throws Exception {
        fixture = new EdgeFixture(7);
        clock = fixture.clock;
        edge = fixture.edge;
        events = fixture.client(EventBridgeClient.builder());
    }

    @AfterEach
    void stop() {
        events.close();
        fixture.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edge.url() + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void healthListsTheServicesInRoutingOrder() throws Exception {
        HttpResponse<String> health = call("GET", "/_local/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", json(health).get("status").asText());
        assertEquals(edge.services(), JSON.convertValue(json(health).get("services"), List.class));
        assertTrue(edge.services().containsAll(List.of("control", "lambda", "events")), edge.services().toString());
    }

    @Test
    void aFaultForTheNextCallsFailsExactlyThoseCalls() throws Exception {
        HttpResponse<String> added = call("POST", "/_local/faults", "{\"service\":\"events\",\"operation\":"
                + "\"PutRule\",\"error\":\"ThrottlingException\",\"message\":\"Rate exceeded\",\"count\":2}");
        assertEquals(200, added.statusCode(), added.body());

        for (int i = 0; i < 2; i++) {
            EventBridgeException e = assertThrows(EventBridgeException.class,
                    () -> events.putRule(r -> r.name("r").eventPattern("{\"source\":[\"x\"]}")));
            assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
            assertEquals(400, e.statusCode());
        }
        events.putRule(r -> r.name("r").eventPattern("{\"source\":[\"x\"]}"));
        events.listRules(l -> l.limit(10));
        assertEquals(0, json(call("GET", "/_local/faults", null)).get("rules").size());
    }

    @Test
    void probabilisticFaultsReplayWithTheSameSeed() throws Exception {
        call("POST", "/_local/faults", "{\"service\":\"events\",\"operation\":\"ListRules\","
                + "\"error\":\"InternalException\",\"status\":500,\"probability\":0.5}");
        List<Boolean> first = listRulesOutcomes();
        assertEquals(200, call("POST", "/_local/faults/seed", "{\"seed\":7}").statusCode());
        List<Boolean> replay = listRulesOutcomes();

        assertEquals(first, replay);
        assertTrue(first.contains(true) && first.contains(false), first.toString());
    }

    private List<Boolean> listRulesOutcomes() {
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                events.listRules(l -> l.limit(10));
                failed.add(false);
            } catch (EventBridgeException e) {
                assertEquals(500, e.statusCode());
                failed.add(true);
            }
        }
        return failed;
    }

    @Test
    void faultRulesAreListedRemovedAndCleared() throws Exception {
        String id = json(call("POST", "/_local/faults", "{\"service\":\"lambda\",\"latencyMillis\":1}"))
                .get("id").asText();
        call("POST", "/_local/faults", "{\"service\":\"events\",\"resource\":\"prod\",\"error\":\"X\",\"count\":3}");

        JsonNode listed = json(call("GET", "/_local/faults", null));
        assertEquals(7, listed.get("seed").asLong());
        assertEquals(2, listed.get("rules").size());
        assertEquals(1, listed.at("/rules/0/latencyMillis").asLong());
        assertEquals(3, listed.at("/rules/1/count").asInt());
        assertEquals("prod", listed.at("/rules/1/resource").asText());

        assertEquals(200, call("DELETE", "/_local/faults/" + id, null).statusCode());
        assertEquals(404, call("DELETE", "/_local/faults/" + id, null).statusCode());
        assertEquals(1, json(call("DELETE", "/_local/faults", null)).get("cleared").asInt());
        assertEquals(0, json(call("GET", "/_local/faults", null)).get("rules").size());
    }

    @Test
    void badControlInputIsRefusedWithAClearError() throws Exception {
        for (String body : List.of("not json", "{}", "{\"service\":\"events\"}",
                "{\"service\":\"events\",\"error\":\"X\",\"probability\":2}",
                "{\"service\":\"events\",\"error\":\"X\",\"count\":0}",
                "{\"service\":\"events\",\"error\":\"X\",\"status\":200}",
                "{\"service\":\"events\",\"errorCode\":\"X\"}")) {
            HttpResponse<String> response = call("POST", "/_local/faults", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("BadRequest", json(response).get("error").asText());
            assertTrue(json(response).get("message").asText().length() > 10, response.body());
        }
        assertEquals(400, call("POST", "/_local/faults/seed", "{\"seed\":\"x\"}").statusCode());
        assertEquals(405, call("PUT", "/_local/health", "{}").statusCode());
        assertEquals(0, json(call("GET", "/_local/faults", null)).get("rules").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"service\":\"eks\",\"error\":\"X\",\"latencyMillis\":-5} | latencyMillis",
            "{\"service\":\"eks\",\"latencyMillis\":-1}                   | latencyMillis",
            "{\"service\":\"eks\",\"error\":\"X\",\"probability\":-0.1}  | probability",
            "{\"service\":\"eks\",\"error\":\"X\",\"count\":-2}          | count",
            "{\"service\":\"eks\",\"error\":\"X\",\"status\":600}        | status",
            "{\"service\":\"eks\",\"status\":503,\"latencyMillis\":5}      | status",
            "{\"service\":\"eks\",\"error\":\" \"}                         | error",
            "{\"service\":\" \",\"error\":\"X\"}                           | service"})
    void aRuleWithANonsensicalValueIsRefusedNamingTheFieldAndNothingIsAdded(String body, String field)
            throws Exception {
        HttpResponse<String> response = call("POST", "/_local/faults", body);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode refused = json(response);
        assertEquals("BadRequest", refused.get("error").asText());
        assertEquals(field, refused.get("field").asText(), response.body());
        assertTrue(refused.get("message").asText().startsWith(field + " "), response.body());
        assertEquals(0, json(call("GET", "/_local/faults", null)).get("rules").size());
    }

    @Test
    void deliveredEventsAreListedByBusSourceAndDetailType() throws Exception {
        edge.functions().register("sink", payload -> payload);
        events.putRule(r -> r.name("all").eventPattern("{\"source\":[{\"prefix\":\"lifecycle\"}]}"));
        events.putTargets(t -> t.rule("all").targets(x -> x.id("sink")
                .arn("arn:aws:lambda:us-east-1:000000000000:function:sink")));
        events.putEvents(p -> p.entries(
                PutEventsRequestEntry.builder().source("lifecycle.a").detailType("Started").detail("{}").build(),
                PutEventsRequestEntry.builder().source("lifecycle.b").detailType("Started").detail("{}").build(),
                PutEventsRequestEntry.builder().source("lifecycle.a").detailType("Done").detail("{}").build()));
        clock.awaitQuiescence(Duration.ofSeconds(5));

        JsonNode listed = json(call("GET", "/_local/events?source=lifecycle.a&detail-type=Started&bus=default",
                null));
        assertEquals(1, listed.get("events").size());
        JsonNode only = listed.get("events").get(0);
        assertEquals("lifecycle.a", only.at("/event/source").asText());
        assertEquals("all", only.at("/matchedRules/0").asText());
        assertTrue(only.at("/deliveries/0/delivered").asBoolean());
        assertEquals(3, json(call("GET", "/_local/events", null)).get("events").size());
    }

    @Test
    void lambdaIsServedOnTheSamePort() throws Exception {
        edge.functions().register("echo", payload -> payload);
        try (LambdaClient lambda = fixture.client(LambdaClient.builder())) {
            assertEquals("{\"a\":1}", lambda.invoke(i -> i.functionName("echo")
                    .payload(SdkBytes.fromUtf8String("{\"a\":1}"))).payload().asUtf8String());
        }
    }

    @Test
    void requestsNoServiceTakesGetAnAwsShapedError() throws Exception {
        HttpRequest jsonCall = HttpRequest.newBuilder(URI.create(edge.url() + "/"))
                .header("X-Amz-Target", "Nope_20200101.DoThing")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> json = http.send(jsonCall, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, json.statusCode());
        assertEquals("UnknownOperationException", json.headers().firstValue("x-amzn-ErrorType").orElseThrow());

        HttpRequest queryCall = HttpRequest.newBuilder(URI.create(edge.url() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeNothing&Version=2011-01-01",
                        StandardCharsets.UTF_8)).build();
        HttpResponse<String> query = http.send(queryCall, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, query.statusCode());
        assertTrue(query.body().contains("<Code>InvalidAction</Code>"), query.body());
        assertTrue(query.body().contains("DescribeNothing"), query.body());
    }
}
