package dev.ekslifecycle.local.faults;

import java.time.Duration;

/**
 * How {@link FaultGate} waits an injected latency. Injected latency is real time ({@link #REAL_TIME}): it slows a
 * client down, not the simulation, so it is not measured on the {@code SimulationClock}. A test hands the
 * {@link FaultInjector} a wait that records instead of sleeping.
 */
@FunctionalInterface
public interface LatencyWait {

    /** Sleeps the calling thread. */
    LatencyWait REAL_TIME = latency -> Thread.sleep(latency.toMillis());

    /** Waits {@code latency}, which is positive. */
    void await(Duration latency) throws InterruptedException;
}
