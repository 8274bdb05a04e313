package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Event patterns as data: each case puts a rule with the pattern on a fresh bus, puts one event through the SDK and
 * checks whether the rule matched (in the event log) and delivered (to the recording Lambda target), and that
 * TestEventPattern agrees.
 */
class EventPatternMatchingTest {

    private static EventBridgeHarness edge;
    private static final AtomicInteger CASE = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        edge = EventBridgeHarness.virtual();
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("exact value", "{\"detail\":{\"state\":[\"ACTIVE\"]}}", "{\"state\":\"ACTIVE\"}", true),
                Arguments.of("exact value, other", "{\"detail\":{\"state\":[\"ACTIVE\"]}}", "{\"state\":\"FAILED\"}",
                        false),
                Arguments.of("prefix", "{\"detail\":{\"cluster\":[{\"prefix\":\"prod-\"}]}}",
                        "{\"cluster\":\"prod-eu\"}", true),
                Arguments.of("prefix, other", "{\"detail\":{\"cluster\":[{\"prefix\":\"prod-\"}]}}",
                        "{\"cluster\":\"dev-eu\"}", false),
                Arguments.of("suffix", "{\"detail\":{\"cluster\":[{\"suffix\":\"-eu\"}]}}",
                        "{\"cluster\":\"prod-eu\"}", true),
                Arguments.of("anything-but", "{\"detail\":{\"state\":[{\"anything-but\":[\"ACTIVE\",\"CREATING\"]}]}}",
                        "{\"state\":\"UPDATING\"}", true),
                Arguments.of("anything-but, excluded", "{\"detail\":{\"state\":[{\"anything-but\":[\"ACTIVE\"]}]}}",
                        "{\"state\":\"ACTIVE\"}", false),
                Arguments.of("anything-but prefix", "{\"detail\":{\"v\":[{\"anything-but\":{\"prefix\":\"1.2\"}}]}}",
                        "{\"v\":\"1.30\"}", true),
                Arguments.of("numeric range", "{\"detail\":{\"nodes\":[{\"numeric\":[\">\",2,\"<=\",5]}]}}",
                        "{\"nodes\":5}", true),
                Arguments.of("numeric range, above", "{\"detail\":{\"nodes\":[{\"numeric\":[\">\",2,\"<=\",5]}]}}",
                        "{\"nodes\":6}", false),
                Arguments.of("numeric range, boundary", "{\"detail\":{\"nodes\":[{\"numeric\":[\">\",2]}]}}",
                        "{\"nodes\":2}", false),
                Arguments.of("exists", "{\"detail\":{\"error\":[{\"exists\":true}]}}",
                        "{\"error\":\"PodEvictionFailure\"}", true),
                Arguments.of("exists, absent", "{\"detail\":{\"error\":[{\"exists\":true}]}}", "{\"ok\":1}", false),
                Arguments.of("does not exist", "{\"detail\":{\"error\":[{\"exists\":false}]}}", "{\"ok\":1}", true),
                Arguments.of("$or, second branch", "{\"detail\":{\"$or\":[{\"a\":[\"x\"]},{\"b\":[1]}]}}",
                        "{\"a\":\"y\",\"b\":1}", true),
                Arguments.of("$or, no branch", "{\"detail\":{\"$or\":[{\"a\":[\"x\"]},{\"b\":[1]}]}}",
                        "{\"a\":\"y\",\"b\":2}", false),
                Arguments.of("array in event, one element matches", "{\"detail\":{\"tags\":[\"blue\"]}}",
                        "{\"tags\":[\"red\",\"blue\"]}", true),
                Arguments.of("array in event, none matches", "{\"detail\":{\"tags\":[\"blue\"]}}",
                        "{\"tags\":[\"red\",\"green\"]}", false),
                Arguments.of("array of objects", "{\"detail\":{\"nodes\":{\"ready\":[false]}}}",
                        "{\"nodes\":[{\"ready\":true},{\"ready\":false}]}", true),
                Arguments.of("nested field", "{\"detail\":{\"update\":{\"type\":[\"VersionUpdate\"]}}}",
                        "{\"update\":{\"type\":\"VersionUpdate\",\"id\":\"u1\"}}", true),
                Arguments.of("equals-ignore-case", "{\"detail\":{\"s\":[{\"equals-ignore-case\":\"active\"}]}}",
                        "{\"s\":\"ACTIVE\"}", true),
                Arguments.of("source and detail-type",
                        "{\"source\":[\"lifecycle.test\"],\"detail-type\":[\"Cluster Upgrade\"]}", "{}", true),
                Arguments.of("source, other", "{\"source\":[\"aws.eks\"]}", "{}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAsEventBridgeDoes(String name, String pattern, String detail, boolean expected) throws Exception {
        String bus = "patterns-" + CASE.incrementAndGet();
        edge.client.createEventBus(b -> b.name(bus));
        edge.client.putRule(r -> r.eventBusName(bus).name("r").eventPattern(pattern));
        edge.client.putTargets(t -> t.eventBusName(bus).rule("r")
                .targets(x -> x.id("recorder").arn(EventBridgeHarness.RECORDER_ARN).input("\"" + bus + "\"")));

        PutEventsResponse put = edge.client.putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source("lifecycle.test").detailType("Cluster Upgrade").detail(detail).build()));
        edge.settle();

        assertEquals(0, put.failedEntryCount());
        List<String> matched = edge.events.log().events(e -> e.busName().equals(bus)).get(0).matchedRules();
        assertEquals(expected ? List.of("r") : List.of(), matched);
        assertEquals(expected, edge.lambdaInputs.contains("\"" + bus + "\""));
        String event = edge.events.log().events(e -> e.busName().equals(bus)).get(0).event().toString();
        assertEquals(expected, edge.client.testEventPattern(t -> t.eventPattern(pattern).event(event)).result());
    }
}
