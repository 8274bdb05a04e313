package dev.ekslifecycle.domain;

import java.time.Instant;
import java.util.List;

/**
 * An AWS event that says something is wrong with EC2 instances: an instance stopping or going away (EC2 state
 * change) or an AWS Health event naming affected instances. {@code eventId} is EventBridge's id of the event, the
 * same on every delivery of it; {@code signal} says what happened in a few words.
 */
public record NodeHealthEvent(String eventId, String source, Instant time, List<String> instanceIds, String signal) {

    public NodeHealthEvent {
        instanceIds = List.copyOf(instanceIds);
    }
}
