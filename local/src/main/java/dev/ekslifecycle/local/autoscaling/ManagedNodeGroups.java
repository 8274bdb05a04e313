package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.ec2.Ec2Instance;
import dev.ekslifecycle.local.ec2.Ec2Inventory;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.kubernetes.ClusterStore;
import dev.ekslifecycle.local.kubernetes.KubernetesClusters;
import dev.ekslifecycle.local.kubernetes.NodeSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The compute behind EKS managed node groups: each node group is an Auto Scaling group whose in-service instances
 * join the cluster as nodes after a boot time, and leave it when they terminate. Version updates are
 * {@link NodeGroupRoll}s. Everything runs under the Auto Scaling service's lock, so the group, its instances and
 * its nodes change together; outcomes are delivered on the clock's pool, outside that lock.
 */
public final class ManagedNodeGroups implements NodeGroupFleet {

    private final AutoScalingService autoScaling;
    private final Ec2Inventory ec2;
    private final KubernetesClusters kubernetes;
    private final SimulationClock clock;
    private final FleetTimings timings;
    private final Map<String, FleetRecord> fleets = new HashMap<>();
    private final Map<String, String> nodeNames = new HashMap<>();
    private final Map<String, NodeGroupRoll> rolls = new HashMap<>();
    private final Waiters waiters = new Waiters();
    private volatile Runnable changed = () -> { };

    public ManagedNodeGroups(AutoScalingService autoScaling, Ec2Inventory ec2, KubernetesClusters kubernetes,
                             SimulationClock clock, FleetTimings timings) {
        this.autoScaling = autoScaling;
        this.ec2 = ec2;
        this.kubernetes = kubernetes;
        this.clock = clock;
        this.timings = timings;
        autoScaling.addListener(this::memberChanged);
        kubernetes.addNodeListener((cluster, node) -> recheck());
    }

    /** Called after every change of the fleet's own state (records, nodes joined), for saving it. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    public FleetSnapshot snapshot() {
        synchronized (autoScaling) {
            return new FleetSnapshot(List.copyOf(fleets.values()), Map.copyOf(nodeNames));
        }
    }

    /**
     * Puts back a saved state after Auto Scaling's: instances in service whose node had not joined join after the
     * boot time from now. A roll under way when the state was saved is not resumed.
     */
    public void restore(FleetSnapshot saved) {
        synchronized (autoScaling) {
            saved.fleets().forEach(f -> fleets.put(f.groupName(), f));
            nodeNames.putAll(saved.nodeNames());
            for (FleetRecord f : saved.fleets()) {
                for (GroupInstance m : autoScaling.members(f.groupName())) {
                    if (m.lifecycleState() == LifecycleState.IN_SERVICE && !nodeNames.containsKey(m.instanceId())) {
                        clock.scheduleAfter(timings.nodeJoin(), () -> join(m.instanceId()));
                    }
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A node group has one Auto Scaling group: asked again for a node group whose group exists (the EKS
     * emulator does so for a CREATING node group after a restart, and this fleet's state may have been restored),
     * it returns that group and reports when its nodes are Ready.
     */
    @Override
    public String create(FleetSpec spec, Outcome whenReady) {
        synchronized (autoScaling) {
            Optional<String> existing = fleets.values().stream()
                    .filter(f -> f.clusterName().equals(spec.clusterName())
                            && f.nodegroupName().equals(spec.nodegroupName()) && !deleting(f.groupName()))
                    .map(FleetRecord::groupName).findFirst();
            String name = existing.orElseGet(() -> launch(spec));
            waiters.add(name, () -> settled(name) || deleting(name), () -> {
                if (deleting(name)) {
                    deliver(() -> whenReady.failed("NodeCreationFailure",
                            "The node group was deleted before its nodes were ready", List.of(name)));
                } else {
                    deliver(whenReady::succeeded);
                }
            });
            return name;
        }
    }

    /** Makes the node group's Auto Scaling group, which launches its instances. */
    private String launch(FleetSpec spec) {
        String uuid = UUID.nameUUIDFromBytes((spec.clusterName() + "/" + spec.nodegroupName() + "/"
                + clock.instant()).getBytes()).toString();
        String name = "eks-" + spec.nodegroupName() + "-" + uuid;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("eks:cluster-name", spec.clusterName());
        tags.put("eks:nodegroup-name", spec.nodegroupName());
        tags.put("k8s.io/cluster-autoscaler/enabled", "true");
        tags.put("k8s.io/cluster-autoscaler/" + spec.clusterName(), "owned");
        tags.put("kubernetes.io/cluster/" + spec.clusterName(), "owned");
        fleets.put(name, new FleetRecord(name, spec.clusterName(), spec.nodegroupName(),
                spec.capacityType() == null ? "ON_DEMAND" : spec.capacityType(), spec.labels(), spec.taints()));
        try {
            autoScaling.create(new AutoScalingService.GroupSpec(name, spec.minSize(), spec.maxSize(),
                    spec.desiredSize(), spec.subnetIds(), spec.instanceTypes(),
                    new LaunchVersion(1, spec.kubernetesVersion(), spec.releaseVersion()), tags));
        } catch (RuntimeException e) {
            fleets.remove(name);
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        changed.run();
        return name;
    }

    @Override
    public void resize(String autoScalingGroupName, int minSize, int maxSize, int desiredSize) {
        synchronized (autoScaling) {
            fleet(autoScalingGroupName);
            autoScaling.updateSizes(autoScalingGroupName, Optional.of(minSize), Optional.of(maxSize),
                    Optional.of(desiredSize));
        }
    }

    @Override
    public void updateNodeMetadata(String autoScalingGroupName, Map<String, String> labels, List<Taint> taints) {
        synchronized (autoScaling) {
            FleetRecord old = fleet(autoScalingGroupName);
            FleetRecord updated = old.withMetadata(labels, taints);
            fleets.put(autoScalingGroupName, updated);
            changed.run();
            for (GroupInstance m : autoScaling.members(autoScalingGroupName)) {
                String node = nodeNames.get(m.instanceId());
                if (node != null) {
                    cluster(updated).replaceGroupMetadata(node, old.nodeLabels(), updated.nodeLabels(), taints);
                }
            }
        }
    }

    @Override
    public void roll(String autoScalingGroupName, RollRequest request, Outcome outcome) {
        synchronized (autoScaling) {
            fleet(autoScalingGroupName);
            if (rolls.containsKey(autoScalingGroupName)) {
                throw new IllegalStateException("a roll of " + autoScalingGroupName + " is already running");
            }
            NodeGroupRoll roll = new NodeGroupRoll(this, autoScalingGroupName, request, new Outcome() {
                @Override
                public void succeeded() {
                    rolls.remove(autoScalingGroupName);
                    deliver(outcome::succeeded);
                }

                @Override
                public void failed(String errorCode, String message, List<String> resourceIds) {
                    rolls.remove(autoScalingGroupName);
                    deliver(() -> outcome.failed(errorCode, message, resourceIds));
                }
            });
            rolls.put(autoScalingGroupName, roll);
            roll.start();
        }
    }

    @Override
    public void delete(String autoScalingGroupName, Outcome whenGone) {
        synchronized (autoScaling) {
            fleet(autoScalingGroupName);
            NodeGroupRoll roll = rolls.get(autoScalingGroupName);
            if (roll != null) {
                roll.abandon("the node group is being deleted");
            }
            autoScaling.delete(autoScalingGroupName);
            waiters.add(autoScalingGroupName, () -> autoScaling.group(autoScalingGroupName).isEmpty(), () -> {
                fleets.remove(autoScalingGroupName);
                changed.run();
                deliver(whenGone::succeeded);
            });
        }
    }

    @Override
    public FleetState state(String autoScalingGroupName) {
        synchronized (autoScaling) {
            FleetRecord fleet = fleet(autoScalingGroupName);
            GroupRecord group = autoScaling.group(autoScalingGroupName).orElseThrow();
            ClusterStore cluster = cluster(fleet);
            List<Member> members = autoScaling.members(autoScalingGroupName).stream().map(m -> {
                String node = nodeNames.get(m.instanceId());
                String kubelet = node == null ? null : cluster.node(node)
                        .map(n -> n.path("status").path("nodeInfo").path("kubeletVersion").asText()).orElse(null);
                return new Member(m.instanceId(), m.availabilityZone(), m.lifecycleState().apiName(), node,
                        node != null && cluster.nodeReady(node), kubelet);
            }).toList();
            return new FleetState(group.desiredCapacity(), members);
        }
    }

    // ---- for NodeGroupRoll, under the lock ----

    AutoScalingService autoScaling() {
        return autoScaling;
    }

    Ec2Inventory ec2() {
        return ec2;
    }

    SimulationClock clock() {
        return clock;
    }

    FleetTimings timings() {
        return timings;
    }

    Waiters waiters() {
        return waiters;
    }

    FleetRecord fleet(String groupName) {
        FleetRecord fleet = fleets.get(groupName);
        if (fleet == null) {
            throw new IllegalArgumentException("no node group owns Auto Scaling group " + groupName);
        }
        return fleet;
    }

    ClusterStore cluster(FleetRecord fleet) {
        return kubernetes.store(fleet.clusterName());
    }

    /** The node of an instance, once it has joined. */
    Optional<String> nodeOf(String instanceId) {
        return Optional.ofNullable(nodeNames.get(instanceId));
    }

    boolean ready(String groupName, GroupInstance member) {
        String node = nodeNames.get(member.instanceId());
        return member.lifecycleState() == LifecycleState.IN_SERVICE && node != null
                && cluster(fleet(groupName)).nodeReady(node);
    }

    /** Exactly the desired number of instances count, and every one is in service with a Ready node. */
    boolean settled(String groupName) {
        Optional<GroupRecord> group = autoScaling.group(groupName);
        if (group.isEmpty()) {
            return false;
        }
        List<GroupInstance> counted = autoScaling.members(groupName).stream()
                .filter(m -> m.lifecycleState().counted()).toList();
        return counted.size() == group.get().desiredCapacity() && counted.stream().allMatch(m -> ready(groupName, m));
    }

    private boolean deleting(String groupName) {
        return autoScaling.group(groupName).map(GroupRecord::deleting).orElse(true);
    }

    /** Runs an outcome callback outside the lock, on the clock's pool (so virtual time waits for it). */
    void deliver(Runnable callback) {
        clock.execute(callback);
    }

    private void memberChanged(GroupRecord group, GroupInstance member) {
        FleetRecord fleet = fleets.get(group.name());
        if (fleet == null) {
            return;
        }
        switch (member.lifecycleState()) {
            case IN_SERVICE -> clock.scheduleAfter(timings.nodeJoin(), () -> join(member.instanceId()));
            case TERMINATING -> {
                String node = nodeNames.get(member.instanceId());
                if (node != null) {
                    cluster(fleet).removeNode(node);
                }
            }
            case TERMINATED -> {
                nodeNames.remove(member.instanceId());
                changed.run();
            }
            default -> {
                // a pending instance has no node yet
            }
        }
        // Looked at after the Auto Scaling call that told us has finished, never in the middle of it.
        clock.execute(this::recheck);
    }

    private void recheck() {
        synchronized (autoScaling) {
            waiters.check();
        }
    }

    private void join(String instanceId) {
        synchronized (autoScaling) {
            Optional<GroupInstance> member = autoScaling.member(instanceId)
                    .filter(m -> m.lifecycleState() == LifecycleState.IN_SERVICE);
            Optional<Ec2Instance> instance = ec2.instance(instanceId);
            if (member.isEmpty() || instance.isEmpty()) {
                return;
            }
            FleetRecord fleet = fleets.get(member.get().groupName());
            if (fleet == null) {
                return;
            }
            Ec2Instance i = instance.get();
            LaunchVersion version = member.get().launchVersion();
            cluster(fleet).joinNode(new NodeSpec(i.privateDnsName(), i.instanceId(), i.region(),
                    i.availabilityZone(), i.instanceType(), i.privateIpAddress(), i.imageId(),
                    version.kubernetesVersion(), version.releaseVersion(), fleet.nodeLabels(), fleet.taints()));
            nodeNames.put(instanceId, i.privateDnsName());
            changed.run();
            waiters.check();
        }
    }
}
