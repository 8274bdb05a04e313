package dev.ekslifecycle.local.events;

import java.util.List;

/**
 * Puts an event on an emulated EventBridge bus the way an AWS service does (not through PutEvents), for example
 * {@code aws.autoscaling} "EC2 Instance Launch Successful" on the default bus. Rules on the bus match it like any
 * other event.
 */
public interface EventPublisher {

    /** The bus AWS services publish to. */
    String DEFAULT_BUS = "default";

    void publish(String busName, String source, String detailType, String detailJson, List<String> resources);
}
