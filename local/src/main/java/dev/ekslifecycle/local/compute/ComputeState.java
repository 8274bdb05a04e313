package dev.ekslifecycle.local.compute;

import dev.ekslifecycle.local.autoscaling.AutoScalingSnapshot;
import dev.ekslifecycle.local.autoscaling.FleetSnapshot;
import dev.ekslifecycle.local.ec2.Ec2Snapshot;
import dev.ekslifecycle.local.kubernetes.KubernetesSnapshot;

/** Everything the compute emulators hold, as saved to the data directory. */
public record ComputeState(Ec2Snapshot ec2, AutoScalingSnapshot autoScaling, FleetSnapshot nodeGroups,
                           KubernetesSnapshot kubernetes) {
}
