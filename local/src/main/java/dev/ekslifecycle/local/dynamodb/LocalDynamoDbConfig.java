package dev.ekslifecycle.local.dynamodb;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link LocalDynamoDb}.
 *
 * @param port the port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory where to keep the data (a write-ahead log); null keeps it in memory only
 * @param clock the clock TTL is judged by, and that runs the TTL sweep
 * @param faults the shared fault-injection control; null for none
 * @param ttlSweepInterval how often (in clock time) expired items are deleted: the bound on how long an expired
 *     item can still be read
 */
public record LocalDynamoDbConfig(int port, Path dataDirectory, SimulationClock clock, FaultInjector faults,
                                  Duration ttlSweepInterval) {

    /** The default TTL sweep interval: one minute of clock time. */
    public static final Duration DEFAULT_TTL_SWEEP = Duration.ofMinutes(1);

    public LocalDynamoDbConfig {
        Objects.requireNonNull(clock, "clock");
        ttlSweepInterval = ttlSweepInterval == null ? DEFAULT_TTL_SWEEP : ttlSweepInterval;
    }

    /** In memory, on a free port, no faults. */
    public static LocalDynamoDbConfig inMemory(SimulationClock clock) {
        return new LocalDynamoDbConfig(0, null, clock, null, null);
    }

    public LocalDynamoDbConfig withPort(int newPort) {
        return new LocalDynamoDbConfig(newPort, dataDirectory, clock, faults, ttlSweepInterval);
    }

    public LocalDynamoDbConfig withDataDirectory(Path directory) {
        return new LocalDynamoDbConfig(port, directory, clock, faults, ttlSweepInterval);
    }

    public LocalDynamoDbConfig withFaults(FaultInjector injector) {
        return new LocalDynamoDbConfig(port, dataDirectory, clock, injector, ttlSweepInterval);
    }
}
