package dev.ekslifecycle.local.autoscaling;

import java.time.Instant;

/** One instance of an Auto Scaling group, with the launch version it was launched from. */
public record GroupInstance(
        String instanceId,
        String groupName,
        String availabilityZone,
        String subnetId,
        String instanceType,
        LifecycleState lifecycleState,
        boolean healthy,
        LaunchVersion launchVersion,
        Instant launchedAt) {

    public GroupInstance in(LifecycleState state) {
        return new GroupInstance(instanceId, groupName, availabilityZone, subnetId, instanceType, state,
                healthy && state != LifecycleState.TERMINATING, launchVersion, launchedAt);
    }

    public String healthStatus() {
        return healthy ? "HEALTHY" : "UNHEALTHY";
    }
}
