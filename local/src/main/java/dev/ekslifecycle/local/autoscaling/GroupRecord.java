package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.aws.LocalAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group. {@code deleting} is set once DeleteAutoScalingGroup (or a node group's deletion) began;
 * the group goes away when its last instance has terminated.
 */
public record GroupRecord(
        String name,
        String uuid,
        String region,
        int minSize,
        int maxSize,
        int desiredCapacity,
        List<String> subnetIds,
        List<String> instanceTypes,
        LaunchVersion launchVersion,
        Map<String, String> tags,
        Instant createdTime,
        boolean deleting) {

    public GroupRecord {
        subnetIds = List.copyOf(subnetIds);
        instanceTypes = List.copyOf(instanceTypes);
        tags = Map.copyOf(tags);
    }

    public String arn() {
        return "arn:aws:autoscaling:" + region + ":" + LocalAccount.ACCOUNT_ID + ":autoScalingGroup:" + uuid
                + ":autoScalingGroupName/" + name;
    }

    public GroupRecord withSizes(int min, int max, int desired) {
        return new GroupRecord(name, uuid, region, min, max, desired, subnetIds, instanceTypes, launchVersion, tags,
                createdTime, deleting);
    }

    public GroupRecord withLaunchVersion(LaunchVersion version) {
        return new GroupRecord(name, uuid, region, minSize, maxSize, desiredCapacity, subnetIds, instanceTypes,
                version, tags, createdTime, deleting);
    }

    public GroupRecord beingDeleted() {
        return new GroupRecord(name, uuid, region, 0, 0, 0, subnetIds, instanceTypes, launchVersion, tags,
                createdTime, true);
    }
}
