package dev.ekslifecycle.local.autoscaling;

import java.util.List;

/** The Auto Scaling groups and their instances as plain data, for saving with Jackson. */
public record AutoScalingSnapshot(List<GroupRecord> groups, List<GroupInstance> members) {
}
