package dev.ekslifecycle.local.autoscaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.events.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code aws.autoscaling} events a group publishes on the default bus, with the detail fields AWS sends:
 * "EC2 Instance Launch Successful" when an instance enters service and "EC2 Instance Terminate Successful" when
 * one has terminated.
 */
final class AutoScalingEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventPublisher publisher;

    AutoScalingEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void launched(GroupRecord group, GroupInstance member, String subnetId, Instant now) {
        publish("EC2 Instance Launch Successful", group, member, subnetId, now,
                "Launching a new EC2 instance: " + member.instanceId(),
                "At " + member.launchedAt() + " an instance was started in response to a difference between"
                        + " desired and actual capacity, increasing the capacity.",
                member.launchedAt());
    }

    void terminated(GroupRecord group, GroupInstance member, String subnetId, Instant now) {
        publish("EC2 Instance Terminate Successful", group, member, subnetId, now,
                "Terminating EC2 instance: " + member.instanceId(),
                "At " + now + " an instance was taken out of service and terminated.", now);
    }

    private void publish(String detailType, GroupRecord group, GroupInstance member, String subnetId, Instant now,
                         String description, String cause, Instant start) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("StatusCode", "InProgress");
        detail.put("Description", description);
        detail.put("AutoScalingGroupName", group.name());
        detail.put("ActivityId", UUID.randomUUID().toString());
        ObjectNode details = detail.putObject("Details");
        details.put("Availability Zone", member.availabilityZone());
        details.put("Subnet ID", subnetId);
        detail.put("RequestId", UUID.randomUUID().toString());
        detail.put("StatusMessage", "");
        detail.put("EndTime", now.toString());
        detail.put("EC2InstanceId", member.instanceId());
        detail.put("StartTime", start.toString());
        detail.put("Cause", cause);
        String instanceArn = "arn:aws:ec2:" + group.region() + ":" + LocalAccount.ACCOUNT_ID + ":instance/"
                + member.instanceId();
        publisher.publish(EventPublisher.DEFAULT_BUS, "aws.autoscaling", detailType, detail.toString(),
                List.of(group.arn(), instanceArn));
    }
}
