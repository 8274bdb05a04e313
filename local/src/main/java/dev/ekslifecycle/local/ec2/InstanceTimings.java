package dev.ekslifecycle.local.ec2;

import java.time.Duration;

/** How long instances take to start (pending to running) and to stop (shutting-down to terminated). */
public record InstanceTimings(Duration start, Duration shutdown) {

    /** Close to what EC2 takes for a small Linux instance. */
    public static InstanceTimings realistic() {
        return new InstanceTimings(Duration.ofSeconds(20), Duration.ofSeconds(40));
    }
}
