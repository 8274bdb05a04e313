package dev.ekslifecycle.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultGateTest {

    @Test
    void waitsTheSummedLatencyOfTheMatchingRulesAndHandsBackOnlyErrors() {
        List<Duration> waits = new ArrayList<>();
        FaultInjector faults = new FaultInjector(1, waits::add);
        faults.add(new FaultRule("eks", "*", "*", null, 0, null, 1.0, -1, Duration.ofMillis(200)));
        faults.add(new FaultRule("eks", "CreateCluster", "*", "ThrottlingException", 429, null, 1.0, 1,
                Duration.ofMillis(50)));
        FaultGate gate = new FaultGate(faults, "eks");

        assertTrue(gate.check("ListClusters", null).isEmpty(), "latency alone is not an error");
        assertEquals("ThrottlingException", gate.check("CreateCluster", "prod").orElseThrow().errorCode());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(250)), waits);
        assertTrue(new FaultGate(faults, "states").check("ListStateMachines", null).isEmpty());
        assertEquals(2, waits.size(), "no wait for a call no rule matches");
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptAndStillAnswersTheInjectedError() {
        FaultInjector faults = new FaultInjector(1, latency -> {
            throw new InterruptedException("stopping");
        });
        faults.add(new FaultRule("states", "*", "*", "ServiceUnavailable", 503, null, 1.0, -1,
                Duration.ofSeconds(5)));
        try {
            assertEquals(503, new FaultGate(faults, "states").check("StartExecution", null).orElseThrow()
                    .httpStatus());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aGateWithoutAnInjectorLetsEveryCallThrough() {
        assertFalse(new FaultGate(null, "dynamodb").check("PutItem", "t").isPresent());
    }
}
