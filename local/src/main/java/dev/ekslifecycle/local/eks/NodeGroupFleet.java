package dev.ekslifecycle.local.eks;

import java.util.List;
import java.util.Map;

/**
 * The compute behind a managed node group, provided by the Auto Scaling/EC2/Kubernetes emulators: an Auto Scaling
 * group whose instances become Kubernetes nodes of the cluster. The EKS emulator owns the node group's record and
 * status; the fleet owns instances, nodes and pods, and does the work in simulated time on the shared clock.
 *
 * <p>Every method returns at once. Work that takes simulated time reports its end through a {@link Outcome}.
 * Calls for an unknown Auto Scaling group throw {@link IllegalArgumentException}: that is a bug in the caller.
 */
public interface NodeGroupFleet {

    /**
     * Creates the Auto Scaling group for a node group and launches {@code desiredSize} instances; each becomes a
     * Ready node after a simulated boot. {@code whenReady} completes when all desired nodes are Ready.
     *
     * @return the Auto Scaling group name, as DescribeNodegroup's {@code resources.autoScalingGroups} shows it
     */
    String create(FleetSpec spec, Outcome whenReady);

    /** Changes the group's sizes; instances launch or terminate toward the new desired size. */
    void resize(String autoScalingGroupName, int minSize, int maxSize, int desiredSize);

    /** Replaces the labels and taints that the group's nodes carry (new and existing nodes). */
    void updateNodeMetadata(String autoScalingGroupName, Map<String, String> labels, List<Taint> taints);

    /**
     * Replaces every instance with one running {@code request.kubernetesVersion()}, the way a managed node-group
     * version update does: with DEFAULT, launch replacements first (surge), then for each old node cordon, evict its
     * pods honouring PodDisruptionBudgets, and terminate, at most {@code maxUnavailable} at a time; with MINIMAL,
     * terminate first. An eviction blocked past the drain limit fails the roll with {@code PodEvictionFailure}
     * unless {@code force}.
     */
    void roll(String autoScalingGroupName, RollRequest request, Outcome outcome);

    /** Terminates every instance and removes the group; {@code whenGone} completes when it is gone. */
    void delete(String autoScalingGroupName, Outcome whenGone);

    /** Instances and nodes of the group now, for DescribeNodegroup's health and the emulators' tests. */
    FleetState state(String autoScalingGroupName);

    /** What a new group is made of. */
    record FleetSpec(
            String clusterName,
            String nodegroupName,
            List<String> subnetIds,
            List<String> instanceTypes,
            String capacityType,
            String amiType,
            String kubernetesVersion,
            String releaseVersion,
            Map<String, String> labels,
            List<Taint> taints,
            int minSize,
            int maxSize,
            int desiredSize) {
    }

    /** A Kubernetes taint: effect is NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE as EKS spells it. */
    record Taint(String key, String value, String effect) {
    }

    /**
     * A version roll. {@code maxUnavailable} is already resolved to a node count (at least 1);
     * {@code updateStrategy} is DEFAULT or MINIMAL.
     */
    record RollRequest(
            String kubernetesVersion,
            String releaseVersion,
            int maxUnavailable,
            String updateStrategy,
            boolean force) {
    }

    /** The group's instances and nodes. */
    record FleetState(int desiredSize, List<Member> members) {
    }

    /** One instance and its node, if it has joined. */
    record Member(String instanceId, String availabilityZone, String lifecycleState, String nodeName,
                  boolean nodeReady, String kubeletVersion) {
    }

    /** The end of a piece of simulated work. Exactly one method is called, once. */
    interface Outcome {
        void succeeded();

        /** {@code errorCode} as EKS reports it in an update's errors, e.g. PodEvictionFailure. */
        void failed(String errorCode, String message, List<String> resourceIds);

        /** An outcome nobody waits for. */
        static Outcome ignored() {
            return new Outcome() {
                @Override
                public void succeeded() {
                }

                @Override
                public void failed(String errorCode, String message, List<String> resourceIds) {
                }
            };
        }
    }
}
