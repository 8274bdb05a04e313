package dev.ekslifecycle.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    @Test
    void nextCallsRuleFiresExactlyCountTimesThenDisappears() {
        FaultInjector faults = new FaultInjector(1);
        faults.add(FaultRule.nextCalls("eks", "CreateCluster", "ThrottlingException", 429, 2));

        assertTrue(faults.onCall("eks", "CreateCluster", "c1").orElseThrow().isError());
        assertTrue(faults.onCall("eks", "DescribeCluster", "c1").isEmpty(), "other operations are untouched");
        assertTrue(faults.onCall("eks", "CreateCluster", "c2").orElseThrow().isError());
        assertTrue(faults.onCall("eks", "CreateCluster", "c3").isEmpty());
        assertTrue(faults.rules().isEmpty());
    }

    @Test
    void resourceScopedRuleOnlyMatchesThatResource() {
        FaultInjector faults = new FaultInjector(1);
        faults.add(new FaultRule("dynamodb", "*", "locks", "InternalServerError", 500, "boom", 1.0, -1,
                Duration.ZERO));

        assertEquals("boom", faults.onCall("dynamodb", "PutItem", "locks").orElseThrow().messageOrDefault());
        assertTrue(faults.onCall("dynamodb", "PutItem", "other").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20261125})
    void probabilisticDecisionsReplayExactlyWithTheSameSeed(long seed) {
        List<Boolean> first = decisions(seed);
        List<Boolean> second = decisions(seed);
        assertEquals(first, second);
        long errors = first.stream().filter(b -> b).count();
        assertTrue(errors > 100 && errors < 400, "about 25% of 1000 calls fail, was " + errors);
    }

    @Test
    void latencyOnlyRuleAddsLatencyWithoutError() {
        FaultInjector faults = new FaultInjector(7);
        faults.add(new FaultRule("ec2", "*", "*", null, 0, null, 1.0, -1, Duration.ofMillis(25)));
        InjectedFault fault = faults.onCall("ec2", "DescribeSubnets", "*").orElseThrow();
        assertEquals(Duration.ofMillis(25), fault.latency());
        assertTrue(!fault.isError());
    }

    @Test
    void rejectsRulesThatCannotDoAnything() {
        assertThrows(IllegalArgumentException.class,
                () -> new FaultRule("eks", "*", "*", null, 0, null, 1.0, -1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new FaultRule("eks", "*", "*", "X", 400, null, 1.5, -1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new FaultRule("eks", "*", "*", "X", 400, null, 1.0, 0, Duration.ZERO));
    }

    @Test
    void refusesNonsensicalValuesNamingTheField() {
        assertEquals("latency", assertThrows(InvalidFaultRule.class, () -> new FaultRule("eks", "*", "*", null, 0,
                null, 1.0, -1, Duration.ofMillis(-1))).field());
        assertEquals("probability", assertThrows(InvalidFaultRule.class, () -> new FaultRule("eks", "*", "*", "X",
                400, null, Double.NaN, -1, Duration.ZERO)).field());
        assertEquals("remaining", assertThrows(InvalidFaultRule.class,
                () -> FaultRule.nextCalls("eks", "*", "X", 400, -3)).field());
        assertEquals("httpStatus", assertThrows(InvalidFaultRule.class,
                () -> FaultRule.always("eks", "*", "X", 200)).field());
        assertEquals("httpStatus", assertThrows(InvalidFaultRule.class, () -> new FaultRule("eks", "*", "*", null,
                500, null, 1.0, -1, Duration.ofMillis(5))).field());
        InvalidFaultRule blank = assertThrows(InvalidFaultRule.class, () -> FaultRule.always(" ", "*", "X", 400));
        assertEquals("service", blank.field());
        assertTrue(blank.getMessage().startsWith("service "), blank.getMessage());
    }

    private static List<Boolean> decisions(long seed) {
        FaultInjector faults = new FaultInjector(seed);
        faults.add(new FaultRule("eks", "*", "*", "ThrottlingException", 429, null, 0.25, -1, Duration.ZERO));
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(faults.onCall("eks", "DescribeCluster", "c").isPresent());
        }
        return out;
    }
}
