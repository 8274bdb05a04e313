package dev.ekslifecycle.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge events as AWS documents them (EC2 state change, AWS Health), read into node health events. */
class NodeHealthEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> event(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() { });
    }

    private static Map<String, Object> stateChange(String state) throws Exception {
        return event("""
                {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602",
                 "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2",
                 "account": "123456789012", "time": "2026-11-25T10:00:00Z", "region": "us-east-1",
                 "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-0abcdef1234567890"],
                 "detail": {"instance-id": "i-0abcdef1234567890", "state": "%s"}}""".formatted(state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stopping", "stopped", "shutting-down", "terminated"})
    void anInstanceThatStopsOrGoesAwayIsASignal(String state) throws Exception {
        NodeHealthEvent read = NodeHealthEvents.read(stateChange(state)).orElseThrow();
        assertEquals("7bf73129-1428-4cd3-a780-95db273d1602", read.eventId());
        assertEquals("aws.ec2", read.source());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), read.time());
        assertEquals(List.of("i-0abcdef1234567890"), read.instanceIds());
        assertEquals("instance " + state, read.signal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "running"})
    void anInstanceThatStartsIsNoSignal(String state) throws Exception {
        assertEquals(Optional.empty(), NodeHealthEvents.read(stateChange(state)));
    }

    @Test
    void aHealthEventNamesItsAffectedInstancesOnce() throws Exception {
        NodeHealthEvent read = NodeHealthEvents.read(event("""
                {"version": "0", "id": "121345678-1234-1234-1234-123456789012", "detail-type": "AWS Health Event",
                 "source": "aws.health", "account": "123456789012", "time": "2026-11-25T11:00:00Z",
                 "region": "us-east-1",
                 "resources": ["i-0abcdef1234567890", "arn:aws:ec2:us-east-1:123456789012:instance/i-01234567"],
                 "detail": {"eventArn": "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/x",
                            "service": "EC2", "eventTypeCode": "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
                            "eventTypeCategory": "scheduledChange",
                            "affectedEntities": [{"entityValue": "i-0abcdef1234567890"},
                                                 {"entityValue": "i-0fedcba9876543210"}]}}""")).orElseThrow();
        assertEquals(List.of("i-0abcdef1234567890", "i-01234567", "i-0fedcba9876543210"), read.instanceIds());
        assertEquals("health event AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", read.signal());
    }

    @Test
    void aHealthEventAboutNoInstanceIsNoSignal() throws Exception {
        assertTrue(NodeHealthEvents.read(event("""
                {"id": "h-1", "detail-type": "AWS Health Event", "source": "aws.health",
                 "time": "2026-11-25T11:00:00Z", "resources": ["vol-0123456789abcdef0"],
                 "detail": {"service": "EBS", "affectedEntities": [{"entityValue": "vol-0123456789abcdef0"}]}}"""))
                .isEmpty());
    }

    @Test
    void otherEventsAreNoSignalAndNonEventsAreRefused() throws Exception {
        assertTrue(NodeHealthEvents.read(event("""
                {"id": "x", "time": "2026-11-25T11:00:00Z", "detail-type": "Scheduled Event", "detail": {}}"""))
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> NodeHealthEvents.read(Map.of("detail", Map.of())));
    }
}
