package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.lambda.FunctionError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** What targets receive: the whole event, Input, InputPath, InputTransformer; and failed deliveries. */
class EventTargetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATTERN = "{\"source\":[\"lifecycle.test\"]}";
    private EventBridgeHarness edge;

    @BeforeEach
    void start() throws Exception {
        edge = EventBridgeHarness.virtual();
        edge.client.putRule(r -> r.name("upgrades").eventPattern(PATTERN));
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private void putUpgradeEvent() throws Exception {
        var response = edge.client.putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                .source("lifecycle.test").detailType("Upgrade Requested")
                .resources("arn:aws:eks:us-east-1:000000000000:cluster/prod")
                .detail("{\"cluster\":\"prod\",\"version\":\"1.31\",\"nodes\":[{\"id\":\"i-1\"},{\"id\":\"i-2\"}]}")
                .build()));
        assertEquals(0, response.failedEntryCount());
        edge.settle();
    }

    @Test
    void withoutInputTheTargetGetsTheWholeEventAsEventBridgeShapesIt() throws Exception {
        edge.client.putTargets(t -> t.rule("upgrades").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)));
        putUpgradeEvent();

        JsonNode event = JSON.readTree(edge.lambdaInputs.get(0));
        assertEquals("0", event.get("version").asText());
        assertEquals("Upgrade Requested", event.get("detail-type").asText());
        assertEquals("000000000000", event.get("account").asText());
        assertEquals("us-east-1", event.get("region").asText());
        assertEquals("2026-11-25T10:00:00Z", event.get("time").asText());
        assertEquals("prod", event.at("/detail/cluster").asText());
        assertEquals("arn:aws:eks:us-east-1:000000000000:cluster/prod", event.at("/resources/0").asText());
        assertEquals(36, event.get("id").asText().length());
    }

    @Test
    void inputAndInputPathChooseWhatTheTargetGets() throws Exception {
        edge.client.putTargets(t -> t.rule("upgrades").targets(
                x -> x.id("constant").arn(EventBridgeHarness.RECORDER_ARN).input("{\"fixed\":1}"),
                x -> x.id("path").arn(EventBridgeHarness.STATE_MACHINE_ARN).inputPath("$.detail.nodes[1]")));
        putUpgradeEvent();

        assertEquals(List.of("{\"fixed\":1}"), edge.lambdaInputs);
        assertEquals(List.of("{\"id\":\"i-2\"}"), edge.stateMachineInputs);
    }

    @Test
    void inputTransformerFillsTheTemplateAsEventBridgeDoes() throws Exception {
        edge.client.putTargets(t -> t.rule("upgrades").targets(x -> x.id("sfn")
                .arn(EventBridgeHarness.STATE_MACHINE_ARN)
                .inputTransformer(it -> it.inputPathsMap(Map.of(
                                "cluster", "$.detail.cluster", "nodes", "$.detail.nodes[*].id", "missing", "$.detail.x"))
                        .inputTemplate("{\"cluster\": <cluster>, \"ids\": <nodes>, \"text\": \"upgrade <cluster> to "
                                + "\\\"<aws.events.rule-name>\\\"\", \"rule\": <aws.events.rule-arn>, "
                                + "\"gone\": <missing>, \"alsoGone\": \"<missing>\"}"))));
        putUpgradeEvent();

        JsonNode input = JSON.readTree(edge.stateMachineInputs.get(0));
        assertEquals("prod", input.get("cluster").asText());
        assertEquals(JSON.readTree("[\"i-1\",\"i-2\"]"), input.get("ids"));
        assertEquals("upgrade prod to \"upgrades\"", input.get("text").asText());
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/upgrades", input.get("rule").asText());
        assertTrue(input.get("gone").isNull());
        assertEquals("", input.get("alsoGone").asText());
    }

    @Test
    void aStringTemplateStaysAString() throws Exception {
        edge.client.putTargets(t -> t.rule("upgrades").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)
                .inputTransformer(it -> it.inputPathsMap(Map.of("v", "$.detail.version"))
                        .inputTemplate("\"cluster upgrade to <v>\""))));
        putUpgradeEvent();

        assertEquals(List.of("\"cluster upgrade to 1.31\""), edge.lambdaInputs);
    }

    @Test
    void failedDeliveriesAreRecordedWithTheReasonAndAFailingFunctionIsLambdasToRetry() throws Exception {
        edge.functions.register("broken", payload -> {
            throw new FunctionError("IllegalStateException", "cluster prod is locked");
        });
        edge.client.putTargets(t -> t.rule("upgrades").targets(
                x -> x.id("broken").arn("arn:aws:lambda:us-east-1:000000000000:function:broken"),
                x -> x.id("unknown-machine").arn("arn:aws:states:us-east-1:000000000000:stateMachine:nope"),
                x -> x.id("queue").arn("arn:aws:sqs:us-east-1:000000000000:q"),
                x -> x.id("ok").arn(EventBridgeHarness.STATE_MACHINE_ARN)));
        putUpgradeEvent();

        Map<String, EventLog.Delivery> byTarget = new java.util.HashMap<>();
        edge.events.log().deliveries().forEach(d -> byTarget.put(d.targetId(), d));
        // EventBridge invokes functions asynchronously: Lambda took the event, its failure is Lambda's to retry
        assertTrue(byTarget.get("broken").delivered());
        assertTrue(byTarget.get("broken").result().startsWith("RequestId: "));
        assertFalse(byTarget.get("unknown-machine").delivered());
        assertTrue(byTarget.get("unknown-machine").result().startsWith("NO_RESOURCE: StateMachineDoesNotExist"));
        assertFalse(byTarget.get("queue").delivered());
        assertTrue(byTarget.get("queue").result().startsWith("NO_RESOURCE: QueueDoesNotExist"));
        assertTrue(byTarget.get("ok").delivered());
        assertEquals("arn:aws:states:us-east-1:000000000000:execution:lifecycle:run-1", byTarget.get("ok").result());
    }

    @Test
    void servicesPublishOnTheDefaultBusAndDisabledRulesDoNotMatch() throws Exception {
        edge.client.putRule(r -> r.name("launches").eventPattern("{\"source\":[\"aws.autoscaling\"]}"));
        edge.client.putTargets(t -> t.rule("launches").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)
                .inputPath("$.detail.EC2InstanceId")));

        edge.events.publish(EventPublisher.DEFAULT_BUS, "aws.autoscaling", "EC2 Instance Launch Successful",
                "{\"EC2InstanceId\":\"i-1\"}", List.of());
        edge.settle();
        edge.client.disableRule(d -> d.name("launches"));
        edge.events.publish(EventPublisher.DEFAULT_BUS, "aws.autoscaling", "EC2 Instance Launch Successful",
                "{\"EC2InstanceId\":\"i-2\"}", List.of());
        edge.settle();

        assertEquals(List.of("\"i-1\""), edge.lambdaInputs);
        assertEquals(2, edge.events.log().events(e -> e.source().equals("aws.autoscaling")).size());
    }
}
