package dev.ekslifecycle.local.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.compute.CapturedEvents;
import dev.ekslifecycle.local.compute.ComputeEmulators;
import dev.ekslifecycle.local.compute.RecordedOutcome;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Under a clock that jumps to the next timer whenever nothing runs (the local cloud's virtual mode), node groups
 * come up and roll to the end, and a blocked drain gives up after its limit instead of spinning for ever.
 */
class AutoAdvancingRollTest {

    private final SimulationClock clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
    private final ComputeEmulators compute = new ComputeEmulators(clock, new FaultInjector(3), new CapturedEvents(),
            () -> "http://127.0.0.1:1", null);

    @AfterEach
    void close() {
        clock.shutdown();
    }

    private String readyGroup(int desired) throws Exception {
        compute.kubernetes.open("prod", "1.31");
        List<String> subnets = compute.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                .map(Ec2Subnet::subnetId).toList();
        RecordedOutcome ready = new RecordedOutcome();
        String group = compute.nodeGroups.create(new NodeGroupFleet.FleetSpec("prod", "workers", subnets,
                List.of("m5.large"), "ON_DEMAND", "AL2023_x86_64_STANDARD", "1.31", "1.31.4-20250123", Map.of(),
                List.of(), 1, 6, desired), ready);
        clock.awaitQuiescence(Duration.ofSeconds(20));
        assertEquals("succeeded", ready.result());
        return group;
    }

    @Test
    void aRollRunsToItsEndWithoutAnyoneMovingTime() throws Exception {
        Instant start = clock.instant();
        String group = readyGroup(3);
        RecordedOutcome rolled = new RecordedOutcome();
        compute.nodeGroups.roll(group, new NodeGroupFleet.RollRequest("1.32", "1.32.0-20250201", 2, "DEFAULT",
                false), rolled);
        clock.awaitQuiescence(Duration.ofSeconds(20));
        assertEquals("succeeded", rolled.result());
        assertTrue(compute.nodeGroups.state(group).members().stream()
                .allMatch(m -> m.kubeletVersion().startsWith("v1.32.")));
        assertTrue(Duration.between(start, clock.instant()).compareTo(Duration.ofMinutes(3)) > 0,
                "simulated time passed: boots, drains and 60-second waits");
    }

    @Test
    void aBlockedDrainGivesUpAfterFifteenSimulatedMinutes() throws Exception {
        String group = readyGroup(1);
        var store = compute.kubernetes.store("prod");
        String pod = store.podsToDrain(compute.nodeGroups.state(group).members().get(0).nodeName()).stream()
                .filter(k -> k.startsWith("default/")).findFirst().orElseThrow().substring("default/".length());
        store.blockEvictionOf("default", pod);
        Instant rollStart = clock.instant();
        RecordedOutcome rolled = new RecordedOutcome();
        compute.nodeGroups.roll(group, new NodeGroupFleet.RollRequest("1.32", "1.32.0-20250201", 1, "MINIMAL",
                false), rolled);
        clock.awaitQuiescence(Duration.ofSeconds(20));
        assertEquals("PodEvictionFailure", rolled.errorCode());
        Duration took = Duration.between(rollStart, clock.instant());
        assertTrue(took.compareTo(Duration.ofMinutes(15)) >= 0 && took.compareTo(Duration.ofMinutes(16)) < 0,
                "gave up after the drain limit, took " + took);
    }
}
