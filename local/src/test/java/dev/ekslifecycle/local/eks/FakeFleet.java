package dev.ekslifecycle.local.eks;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stateful stand-in for the Auto Scaling/EC2/Kubernetes emulators: groups of instances that boot in three
 * simulated minutes, rolls that take five minutes per batch of {@code maxUnavailable} nodes, and failures on demand.
 */
final class FakeFleet implements NodeGroupFleet {

    static final Duration BOOT = Duration.ofMinutes(3);
    static final Duration PER_BATCH = Duration.ofMinutes(5);
    static final Duration TEARDOWN = Duration.ofMinutes(2);

    private final SimulationClock clock;
    final Map<String, Group> groups = new ConcurrentHashMap<>();
    final List<RollRequest> rolls = new ArrayList<>();
    volatile String failNextCreate;
    volatile String failNextRoll;

    FakeFleet(SimulationClock clock) {
        this.clock = clock;
    }

    /** One Auto Scaling group as the fleet keeps it. */
    static final class Group {
        final FleetSpec spec;
        volatile int minSize;
        volatile int maxSize;
        volatile int desiredSize;
        volatile String version;
        volatile Map<String, String> labels;
        volatile List<Taint> taints;

        Group(FleetSpec spec) {
            this.spec = spec;
            this.minSize = spec.minSize();
            this.maxSize = spec.maxSize();
            this.desiredSize = spec.desiredSize();
            this.version = spec.kubernetesVersion();
            this.labels = spec.labels();
            this.taints = spec.taints();
        }
    }

    @Override
    public String create(FleetSpec spec, Outcome whenReady) {
        String name = "eks-" + spec.nodegroupName() + "-" + spec.clusterName();
        groups.put(name, new Group(spec));
        String failure = failNextCreate;
        failNextCreate = null;
        clock.scheduleAfter(BOOT, () -> {
            if (failure != null) {
                whenReady.failed(failure, "Instances failed to join the kubernetes cluster", List.of("i-0001"));
            } else {
                whenReady.succeeded();
            }
        });
        return name;
    }

    @Override
    public void resize(String autoScalingGroupName, int minSize, int maxSize, int desiredSize) {
        Group g = group(autoScalingGroupName);
        g.minSize = minSize;
        g.maxSize = maxSize;
        g.desiredSize = desiredSize;
    }

    @Override
    public void updateNodeMetadata(String autoScalingGroupName, Map<String, String> labels, List<Taint> taints) {
        Group g = group(autoScalingGroupName);
        g.labels = labels;
        g.taints = taints;
    }

    @Override
    public synchronized void roll(String autoScalingGroupName, RollRequest request, Outcome outcome) {
        Group g = group(autoScalingGroupName);
        rolls.add(request);
        String failure = failNextRoll;
        failNextRoll = null;
        int batches = (g.desiredSize + request.maxUnavailable() - 1) / request.maxUnavailable();
        clock.scheduleAfter(PER_BATCH.multipliedBy(Math.max(1, batches)), () -> {
            if (failure != null && !request.force()) {
                outcome.failed(failure, "Reached max retries while trying to evict pods from nodes in node group",
                        List.of("ip-10-0-1-1.ec2.internal"));
            } else {
                g.version = request.kubernetesVersion();
                outcome.succeeded();
            }
        });
    }

    @Override
    public void delete(String autoScalingGroupName, Outcome whenGone) {
        group(autoScalingGroupName);
        clock.scheduleAfter(TEARDOWN, () -> {
            groups.remove(autoScalingGroupName);
            whenGone.succeeded();
        });
    }

    @Override
    public FleetState state(String autoScalingGroupName) {
        Group g = group(autoScalingGroupName);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < g.desiredSize; i++) {
            members.add(new Member("i-" + i, "us-east-1a", "InService", "node-" + i, true, "v" + g.version));
        }
        return new FleetState(g.desiredSize, members);
    }

    private Group group(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no Auto Scaling group " + name);
        }
        return g;
    }
}
