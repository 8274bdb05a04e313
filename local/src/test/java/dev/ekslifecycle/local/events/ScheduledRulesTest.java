package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rate() and cron() rules fire on the virtual clock as it advances, and only then. */
class ScheduledRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EventBridgeHarness edge;
    private VirtualClock clock;

    @BeforeEach
    void start() throws Exception {
        edge = EventBridgeHarness.manualClock();
        clock = (VirtualClock) edge.clock;
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private List<String> firingTimes() throws Exception {
        edge.settle();
        return edge.lambdaInputs.stream().map(this::time).toList();
    }

    private String time(String event) {
        try {
            return JSON.readTree(event).get("time").asText().substring(11, 16);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRateRuleFiresEveryPeriodAsTimeAdvances() throws Exception {
        edge.client.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)"));
        edge.client.putTargets(t -> t.rule("every-5").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)));

        clock.advance(Duration.ofMinutes(16));

        assertEquals(List.of("10:05", "10:10", "10:15"), firingTimes());
        JsonNode event = JSON.readTree(edge.lambdaInputs.get(0));
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/every-5", event.at("/resources/0").asText());
    }

    @Test
    void aCronRuleFiresAtItsMinutesAndStopsWhenDisabled() throws Exception {
        edge.client.putRule(r -> r.name("quarterly").scheduleExpression("cron(0/15 * * * ? *)"));
        edge.client.putTargets(t -> t.rule("quarterly").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)));

        clock.advance(Duration.ofMinutes(31));
        edge.client.disableRule(d -> d.name("quarterly"));
        clock.advance(Duration.ofHours(2));

        assertEquals(List.of("10:15", "10:30"), firingTimes());
    }

    @Test
    void anIdleAutoAdvancingClockDoesNotRunThroughSchedules() throws Exception {
        try (EventBridgeHarness idle = EventBridgeHarness.virtual()) {
            idle.client.putRule(r -> r.name("every-minute").scheduleExpression("rate(1 minute)"));
            idle.client.putTargets(t -> t.rule("every-minute")
                    .targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)));
            idle.settle();
            assertEquals(EventBridgeHarness.START, idle.clock.instant());
            assertEquals(List.of(), idle.lambdaInputs);
        }
    }

    @Test
    void replacingTheScheduleRestartsIt() throws Exception {
        edge.client.putRule(r -> r.name("s").scheduleExpression("rate(1 hour)"));
        edge.client.putTargets(t -> t.rule("s").targets(x -> x.id("fn").arn(EventBridgeHarness.RECORDER_ARN)));
        clock.advance(Duration.ofMinutes(10));
        edge.client.putRule(r -> r.name("s").scheduleExpression("rate(2 minutes)"));
        clock.advance(Duration.ofMinutes(5));

        assertEquals(List.of("10:12", "10:14"), firingTimes());
    }
}
