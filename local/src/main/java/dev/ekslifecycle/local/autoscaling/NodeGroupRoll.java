package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.NodeGroupFleet.Outcome;
import dev.ekslifecycle.local.eks.NodeGroupFleet.RollRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed node-group version update, in EKS's phases. DEFAULT: raise desired and max size by
 * max(2 × Availability Zones, maxUnavailable) and wait for the new nodes; cordon every old node; then, at most
 * maxUnavailable at a time, drain an old node, wait 60 s and terminate it (the group replaces it with a new one);
 * finally return the sizes to what they were. MINIMAL: no surge; drain and terminate old nodes a batch at a time,
 * waiting for the replacements to be Ready before the next batch. A drain refused past the limit fails the roll
 * with PodEvictionFailure naming the node, unless forced.
 *
 * <p>Every method runs under the fleet's lock.
 */
final class NodeGroupRoll {

    private final ManagedNodeGroups fleet;
    private final String group;
    private final RollRequest request;
    private final Outcome outcome;
    private final List<NodeDrain> drains = new ArrayList<>();
    private final List<SimulationClock.Timer> timers = new ArrayList<>();
    private GroupRecord original;
    private LaunchVersion target;
    private int batchLeft;
    private boolean over;

    NodeGroupRoll(ManagedNodeGroups fleet, String group, RollRequest request, Outcome outcome) {
        this.fleet = fleet;
        this.group = group;
        this.request = request;
        this.outcome = outcome;
    }

    void start() {
        AutoScalingService asg = fleet.autoScaling();
        original = asg.group(group).orElseThrow();
        target = original.launchVersion().next(request.kubernetesVersion(), request.releaseVersion());
        asg.setLaunchVersion(group, target);
        if (isMinimal()) {
            nextBatch();
            return;
        }
        int zones = (int) original.subnetIds().stream().map(id -> fleet.ec2().subnet(id))
                .flatMap(Optional::stream).map(Ec2Subnet::availabilityZone).distinct().count();
        int surge = Math.max(2 * zones, request.maxUnavailable());
        asg.updateSizes(group, Optional.of(original.minSize()), Optional.of(original.maxSize() + surge),
                Optional.of(original.desiredCapacity() + surge));
        waitFor(() -> readyNew() >= surge, () -> {
            for (GroupInstance m : old()) {
                fleet.nodeOf(m.instanceId()).ifPresent(node -> fleet.cluster(fleet.fleet(group))
                        .cordon(node, NodeDrain.EXCLUDE_FROM_LOAD_BALANCERS));
            }
            nextBatch();
        });
    }

    /** Stops the roll and reports it failed (the group is being deleted under it). */
    void abandon(String why) {
        fail("InternalFailure", why, List.of());
    }

    private boolean isMinimal() {
        return "MINIMAL".equals(request.updateStrategy());
    }

    private void nextBatch() {
        if (over) {
            return;
        }
        List<GroupInstance> old = old();
        if (old.isEmpty()) {
            finish();
            return;
        }
        List<GroupInstance> batch = old.subList(0, Math.min(request.maxUnavailable(), old.size()));
        batchLeft = batch.size();
        for (GroupInstance m : List.copyOf(batch)) {
            Optional<String> node = fleet.nodeOf(m.instanceId());
            if (node.isEmpty()) {
                terminate(m.instanceId());
                continue;
            }
            NodeDrain drain = new NodeDrain(fleet.cluster(fleet.fleet(group)), node.get(), fleet.clock(),
                    fleet.timings(), request.force(), fleet.autoScaling(), new NodeDrain.Result() {
                        @Override
                        public void drained() {
                            after(fleet.timings().afterDrain(), () -> terminate(m.instanceId()));
                        }

                        @Override
                        public void failed(String nodeName) {
                            fail("PodEvictionFailure", "Reached max retries while trying to evict pods from nodes"
                                    + " in node group " + fleet.fleet(group).nodegroupName(), List.of(nodeName));
                        }
                    });
            drains.add(drain);
            drain.start();
        }
    }

    private void terminate(String instanceId) {
        if (over) {
            return;
        }
        if (fleet.autoScaling().member(instanceId).filter(m -> m.lifecycleState().counted()).isPresent()) {
            fleet.autoScaling().terminateInstance(instanceId, false);
        }
        if (--batchLeft == 0) {
            if (isMinimal()) {
                waitFor(() -> fleet.settled(group), this::nextBatch);
            } else {
                nextBatch();
            }
        }
    }

    private void finish() {
        if (!isMinimal()) {
            fleet.autoScaling().updateSizes(group, Optional.of(original.minSize()),
                    Optional.of(original.maxSize()), Optional.of(original.desiredCapacity()));
        }
        waitFor(() -> old().isEmpty() && fleet.settled(group), () -> {
            over = true;
            outcome.succeeded();
        });
    }

    private void fail(String code, String message, List<String> resourceIds) {
        if (over) {
            return;
        }
        over = true;
        drains.forEach(NodeDrain::cancel);
        timers.forEach(SimulationClock.Timer::cancel);
        fleet.waiters().removeOwner(waitOwner());
        outcome.failed(code, message, resourceIds);
    }

    /** Instances still on an older launch version that count toward capacity, oldest first. */
    private List<GroupInstance> old() {
        return fleet.autoScaling().members(group).stream()
                .filter(m -> m.lifecycleState().counted() && m.launchVersion().number() < target.number())
                .sorted(Comparator.comparing(GroupInstance::launchedAt).thenComparing(GroupInstance::instanceId))
                .toList();
    }

    private long readyNew() {
        return fleet.autoScaling().members(group).stream()
                .filter(m -> Objects.equals(m.launchVersion(), target) && fleet.ready(group, m)).count();
    }

    private void waitFor(java.util.function.BooleanSupplier condition, Runnable then) {
        fleet.waiters().add(waitOwner(), condition, then);
    }

    private String waitOwner() {
        return group + "#roll";
    }

    private void after(java.time.Duration delay, Runnable then) {
        timers.add(fleet.clock().scheduleAfter(delay, () -> {
            synchronized (fleet.autoScaling()) {
                then.run();
            }
        }));
    }
}
