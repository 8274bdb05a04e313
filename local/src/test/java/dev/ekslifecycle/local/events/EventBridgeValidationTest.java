package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/** EventBridge's validation and errors, through the SDK: the request fails or the entry fails, as on AWS. */
class EventBridgeValidationTest {

    private EventBridgeHarness edge;

    @BeforeEach
    void start() throws Exception {
        edge = EventBridgeHarness.virtual();
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private static PutEventsRequestEntry entry(String detail) {
        return PutEventsRequestEntry.builder().source("lifecycle.test").detailType("t").detail(detail).build();
    }

    @Test
    void moreThanTenEntriesFailTheRequest() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> entry("{}")).toList();
        EventBridgeException e = assertThrows(EventBridgeException.class,
                () -> edge.client.putEvents(p -> p.entries(eleven)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        assertTrue(edge.events.log().events(x -> true).isEmpty());
    }

    @Test
    void moreThan256KilobytesFailTheRequest() {
        String big = "{\"x\":\"" + "a".repeat(90_000) + "\"}";
        EventBridgeException e = assertThrows(EventBridgeException.class,
                () -> edge.client.putEvents(p -> p.entries(entry(big), entry(big), entry(big))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void badEntriesFailOneByOneAndTheOthersGoThrough() {
        PutEventsResponse response = edge.client.putEvents(p -> p.entries(
                entry("{\"ok\":true}"),
                PutEventsRequestEntry.builder().source("lifecycle.test").detailType("t").build(),
                entry("[1,2]"),
                entry("not json"),
                PutEventsRequestEntry.builder().source("aws.eks").detailType("t").detail("{}").build(),
                entry("{}").toBuilder().eventBusName("no-such-bus").build(),
                entry("{}").toBuilder().detailType("d".repeat(129)).build()));

        assertEquals(6, response.failedEntryCount());
        List<PutEventsResultEntry> results = response.entries();
        assertNotNull(results.get(0).eventId());
        assertNull(results.get(0).errorCode());
        assertEquals("InvalidArgument", results.get(1).errorCode());
        assertEquals("Parameter Detail is not valid. Reason: Detail is a required argument.",
                results.get(1).errorMessage());
        assertEquals("MalformedDetail", results.get(2).errorCode());
        assertEquals("MalformedDetail", results.get(3).errorCode());
        assertEquals("NotAuthorizedForSourceException", results.get(4).errorCode());
        assertEquals("ResourceNotFoundException", results.get(5).errorCode());
        assertEquals("InvalidArgument", results.get(6).errorCode());
        assertEquals(1, edge.events.log().events(x -> true).size());
    }

    @Test
    void aRequestWithNoCompleteEntryFails() {
        EventBridgeException e = assertThrows(EventBridgeException.class, () -> edge.client.putEvents(p -> p.entries(
                PutEventsRequestEntry.builder().source("lifecycle.test").build())));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void invalidPatternsAreRefusedWithTheRulerReason() {
        InvalidEventPatternException e = assertThrows(InvalidEventPatternException.class,
                () -> edge.client.putRule(r -> r.name("bad").eventPattern("{\"detail\":{\"n\":[{\"numeric\":[\"!\",1]}]}}")));
        assertTrue(e.getMessage().startsWith("Event pattern is not valid. Reason:"), e.getMessage());
        assertThrows(InvalidEventPatternException.class,
                () -> edge.client.putRule(r -> r.name("bad").eventPattern("{\"source\":\"not-an-array\"}")));
        assertTrue(edge.client.listRules(r -> r.namePrefix("bad")).rules().isEmpty());
    }

    @Test
    void testEventPatternNeedsAWholeEvent() {
        assertValidation(() -> edge.client.testEventPattern(t -> t.eventPattern("{\"source\":[\"x\"]}")
                .event("{\"source\":\"x\"}")));
        assertThrows(InvalidEventPatternException.class, () -> edge.client.testEventPattern(t -> t
                .eventPattern("[]").event("{}")));
    }

    @Test
    void ruleNamesSchedulesAndStatesAreValidated() {
        assertValidation(() -> edge.client.putRule(r -> r.name("no spaces").eventPattern("{}")));
        assertValidation(() -> edge.client.putRule(r -> r.name("neither")));
        for (String schedule : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 hours)", "rate(1 week)",
                "cron(0 12 * * * *)", "cron(0 12 * *)", "cron(61 * * * ? *)", "every 5 minutes")) {
            assertValidation(() -> edge.client.putRule(r -> r.name("s").scheduleExpression(schedule)));
        }
        edge.client.createEventBus(b -> b.name("custom"));
        assertValidation(() -> edge.client.putRule(r -> r.eventBusName("custom").name("s")
                .scheduleExpression("rate(5 minutes)")));
        assertTrue(edge.client.listRules(r -> r.namePrefix("s")).rules().isEmpty());
    }

    @Test
    void aRuleWithTargetsCannotBeDeleted() {
        edge.client.putRule(r -> r.name("r").eventPattern("{\"source\":[\"x\"]}"));
        edge.client.putTargets(t -> t.rule("r").targets(x -> x.id("a").arn(EventBridgeHarness.RECORDER_ARN)));

        assertValidation(() -> edge.client.deleteRule(d -> d.name("r")));
        assertEquals(1, edge.client.listTargetsByRule(l -> l.rule("r")).targets().size());

        edge.client.removeTargets(t -> t.rule("r").ids("a"));
        edge.client.deleteRule(d -> d.name("r"));
        assertThrows(ResourceNotFoundException.class, () -> edge.client.describeRule(d -> d.name("r")));
    }

    @Test
    void targetsAreValidated() {
        edge.client.putRule(r -> r.name("r").eventPattern("{\"source\":[\"x\"]}"));
        assertValidation(() -> edge.client.putTargets(t -> t.rule("r").targets(x -> x.id("a")
                .arn(EventBridgeHarness.RECORDER_ARN).input("{}").inputPath("$.detail"))));
        assertValidation(() -> edge.client.putTargets(t -> t.rule("r").targets(x -> x.id("a").arn("not-an-arn"))));
        assertValidation(() -> edge.client.putTargets(t -> t.rule("r").targets(x -> x.id("a")
                .arn(EventBridgeHarness.RECORDER_ARN).input("{not json"))));
        assertValidation(() -> edge.client.putTargets(t -> t.rule("r").targets(x -> x.id("a")
                .arn(EventBridgeHarness.RECORDER_ARN).inputPath("detail.x"))));
        assertThrows(ResourceNotFoundException.class, () -> edge.client.putTargets(t -> t.rule("missing")
                .targets(x -> x.id("a").arn(EventBridgeHarness.RECORDER_ARN))));
        for (int i = 0; i < EventBridge.MAX_TARGETS_PER_RULE; i++) {
            String id = "t" + i;
            edge.client.putTargets(t -> t.rule("r").targets(x -> x.id(id).arn(EventBridgeHarness.RECORDER_ARN)));
        }
        assertThrows(LimitExceededException.class, () -> edge.client.putTargets(t -> t.rule("r")
                .targets(x -> x.id("one-too-many").arn(EventBridgeHarness.RECORDER_ARN))));
        assertEquals(EventBridge.MAX_TARGETS_PER_RULE, edge.client.listTargetsByRule(l -> l.rule("r")).targets().size());
    }

    @Test
    void busesAreCreatedDescribedListedAndDeleted() {
        String arn = edge.client.createEventBus(b -> b.name("lifecycle")).eventBusArn();
        assertEquals("arn:aws:events:us-east-1:000000000000:event-bus/lifecycle", arn);
        assertThrows(ResourceAlreadyExistsException.class, () -> edge.client.createEventBus(b -> b.name("lifecycle")));
        assertEquals("lifecycle", edge.client.describeEventBus(d -> d.name(arn)).name());
        assertEquals(List.of("default", "lifecycle"), edge.client.listEventBuses(l -> l.limit(10)).eventBuses()
                .stream().map(b -> b.name()).toList());
        assertValidation(() -> edge.client.deleteEventBus(d -> d.name("default")));

        edge.client.deleteEventBus(d -> d.name("lifecycle"));
        assertThrows(ResourceNotFoundException.class, () -> edge.client.describeEventBus(d -> d.name("lifecycle")));
    }

    @Test
    void rulesAreDescribedEnabledDisabledAndListedPageByPage() {
        for (String name : List.of("c", "a", "b")) {
            edge.client.putRule(r -> r.name(name).eventPattern("{\"source\":[\"x\"]}").description("rule " + name));
        }
        var described = edge.client.describeRule(d -> d.name("a"));
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/a", described.arn());
        assertEquals(RuleState.ENABLED, described.state());
        assertEquals("rule a", described.description());

        edge.client.disableRule(d -> d.name("a"));
        assertEquals(RuleState.DISABLED, edge.client.describeRule(d -> d.name("a")).state());
        edge.client.enableRule(d -> d.name("a"));
        assertEquals(RuleState.ENABLED, edge.client.describeRule(d -> d.name("a")).state());

        var first = edge.client.listRules(l -> l.limit(2));
        var second = edge.client.listRules(l -> l.limit(2).nextToken(first.nextToken()));
        assertEquals(List.of("a", "b"), first.rules().stream().map(r -> r.name()).toList());
        assertEquals(List.of("c"), second.rules().stream().map(r -> r.name()).toList());
        assertNull(second.nextToken());
        assertThrows(ResourceNotFoundException.class, () -> edge.client.enableRule(d -> d.name("zz")));
        assertEquals(Collections.emptyList(), edge.client.listRules(l -> l.namePrefix("zz")).rules());
    }

    private static void assertValidation(Runnable call) {
        EventBridgeException e = assertThrows(EventBridgeException.class, call::run);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
    }
}
