package dev.ekslifecycle.local.autoscaling;

import java.time.Instant;

/** A scaling activity, as TerminateInstanceInAutoScalingGroup returns it. */
public record Activity(String activityId, String groupName, String description, String cause, Instant startTime,
                       String statusCode, int progress) {
}
