package dev.ekslifecycle.local.stepfunctions.tasks;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.net.URI;
import java.util.List;

/** The AWS SDK based integrations (optimized and {@code aws-sdk:*}), all calling one endpoint. */
public final class SdkIntegrations {

    private SdkIntegrations() {
    }

    /** The integrations for services served at {@code endpoint} (the local cloud's edge port). */
    public static List<TaskIntegration> at(URI endpoint, SimulationClock clock) {
        SdkCaller caller = new SdkCaller(new SdkClients(endpoint));
        return List.of(new OptimizedIntegration(caller, clock), new AwsSdkIntegration(caller, clock));
    }
}
