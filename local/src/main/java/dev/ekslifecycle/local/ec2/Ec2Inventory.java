package dev.ekslifecycle.local.ec2;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.eks.SubnetDirectory;
import dev.ekslifecycle.local.events.EventPublisher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The EC2 state of the local cloud: each region's default network and every instance ever launched (terminated
 * ones stay visible, as on EC2). Instances move pending → running → shutting-down → terminated on the shared
 * clock; each change is published as an {@code aws.ec2} "EC2 Instance State-change Notification" and told to the
 * {@link InstanceListener}s.
 */
public final class Ec2Inventory implements SubnetDirectory {

    /** Regions whose default network exists from the start, so EKS finds their subnets before any EC2 call. */
    public static final List<String> PRESET_REGIONS =
            List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1");

    private final SimulationClock clock;
    private final EventPublisher events;
    private final InstanceTimings timings;
    private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> regions = new LinkedHashSet<>();
    private final Map<String, Ec2Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Ec2Instance> instances = new LinkedHashMap<>();
    private final Map<String, Integer> addressesUsed = new HashMap<>();
    private long sequence;
    private volatile Runnable changed = () -> { };

    public Ec2Inventory(SimulationClock clock, EventPublisher events, InstanceTimings timings) {
        this.clock = clock;
        this.events = events;
        this.timings = timings;
        PRESET_REGIONS.forEach(this::ensureRegion);
    }

    public void addListener(InstanceListener listener) {
        listeners.add(listener);
    }

    /** Called after every change of state, for saving it. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    /** Everything needed to restore this inventory (subnets derive from the regions). */
    public synchronized Ec2Snapshot snapshot() {
        return new Ec2Snapshot(sequence, List.copyOf(regions), List.copyOf(instances.values()),
                Map.copyOf(addressesUsed));
    }

    /**
     * Puts back a saved state; instances that were starting or stopping finish doing so after the start or
     * shutdown time from now.
     */
    public void restore(Ec2Snapshot saved) {
        synchronized (this) {
            sequence = saved.sequence();
            saved.regions().forEach(this::ensureRegion);
            saved.instances().forEach(i -> instances.put(i.instanceId(), i));
            addressesUsed.putAll(saved.addressesUsed());
        }
        for (Ec2Instance i : saved.instances()) {
            if (i.state() == InstanceState.PENDING) {
                clock.scheduleAfter(timings.start(), () -> move(i.instanceId(), InstanceState.PENDING,
                        InstanceState.RUNNING, ""));
            } else if (i.state() == InstanceState.SHUTTING_DOWN) {
                clock.scheduleAfter(timings.shutdown(), () -> move(i.instanceId(), InstanceState.SHUTTING_DOWN,
                        InstanceState.TERMINATED, i.stateTransitionReason()));
            }
        }
    }

    @Override
    public synchronized Optional<Subnet> find(String subnetId) {
        return Optional.ofNullable(subnets.get(subnetId))
                .map(s -> new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.publicSubnet()));
    }

    public synchronized Optional<Ec2Subnet> subnet(String subnetId) {
        return Optional.ofNullable(subnets.get(subnetId));
    }

    public synchronized List<Vpc> vpcs(String region) {
        ensureRegion(region);
        return List.of(DefaultNetwork.vpc(region));
    }

    public synchronized List<Ec2Subnet> subnets(String region) {
        ensureRegion(region);
        return subnets.values().stream().filter(s -> s.region().equals(region)).toList();
    }

    public synchronized Optional<Ec2Instance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    public synchronized List<Ec2Instance> instances(String region) {
        return instances.values().stream().filter(i -> i.region().equals(region)).toList();
    }

    /**
     * Launches one instance: pending now, running after the start time.
     *
     * @throws IllegalArgumentException when the subnet does not exist (a caller bug: Auto Scaling checks first)
     */
    public Ec2Instance launch(LaunchSpec spec) {
        Ec2Instance launched;
        synchronized (this) {
            Ec2Subnet subnet = subnets.get(spec.subnetId());
            if (subnet == null) {
                throw new IllegalArgumentException("no subnet " + spec.subnetId());
            }
            long n = ++sequence;
            launched = new Ec2Instance(ids("i-0", n, 0x9E3779B97F4A7C15L), ids("r-0", n, 0xC2B2AE3D27D4EB4FL),
                    subnet.region(), spec.instanceType(), spec.imageId(), subnet.subnetId(), subnet.vpcId(),
                    subnet.availabilityZone(), nextAddress(subnet), InstanceState.PENDING, clock.instant(), "",
                    spec.tags());
            instances.put(launched.instanceId(), launched);
        }
        announce(launched, null);
        clock.scheduleAfter(timings.start(), () -> move(launched.instanceId(), InstanceState.PENDING,
                InstanceState.RUNNING, ""));
        return launched;
    }

    /**
     * Begins terminating instances: shutting-down now, terminated after the shutdown time. Instances already on
     * their way out are left as they are.
     *
     * @return each instance's state before and after, in the order asked
     */
    public List<StateChange> terminate(Collection<String> instanceIds, String reason) {
        List<StateChange> changes = new ArrayList<>();
        List<Ec2Instance> started = new ArrayList<>();
        synchronized (this) {
            for (String id : instanceIds) {
                Ec2Instance before = instances.get(id);
                if (before == null) {
                    throw new IllegalArgumentException("no instance " + id);
                }
                if (before.state().alive()) {
                    Ec2Instance after = before.withState(InstanceState.SHUTTING_DOWN, reason);
                    instances.put(id, after);
                    started.add(after);
                    changes.add(new StateChange(id, before.state(), after.state()));
                } else {
                    changes.add(new StateChange(id, before.state(), before.state()));
                }
            }
        }
        for (Ec2Instance going : started) {
            InstanceState previous = changes.stream().filter(c -> c.instanceId().equals(going.instanceId()))
                    .findFirst().orElseThrow().previous();
            announce(going, previous);
            clock.scheduleAfter(timings.shutdown(), () -> move(going.instanceId(), InstanceState.SHUTTING_DOWN,
                    InstanceState.TERMINATED, reason));
        }
        return changes;
    }

    /** One instance's state before and after a call. */
    public record StateChange(String instanceId, InstanceState previous, InstanceState current) {
    }

    private void move(String instanceId, InstanceState from, InstanceState to, String reason) {
        Ec2Instance after;
        synchronized (this) {
            Ec2Instance before = instances.get(instanceId);
            if (before == null || before.state() != from) {
                return;
            }
            after = before.withState(to, reason);
            instances.put(instanceId, after);
        }
        announce(after, from);
    }

    private void announce(Ec2Instance instance, InstanceState previous) {
        events.publish(EventPublisher.DEFAULT_BUS, "aws.ec2", "EC2 Instance State-change Notification",
                "{\"instance-id\":\"" + instance.instanceId() + "\",\"state\":\"" + instance.state().apiName()
                        + "\"}",
                List.of(instance.arn()));
        for (InstanceListener listener : listeners) {
            listener.stateChanged(instance, previous);
        }
        changed.run();
    }

    private void ensureRegion(String region) {
        if (regions.add(region)) {
            DefaultNetwork.subnets(region).forEach(s -> subnets.put(s.subnetId(), s));
        }
    }

    /** The next free address of the subnet's /20, skipping the five AWS reserves at its start. */
    private String nextAddress(Ec2Subnet subnet) {
        int used = addressesUsed.merge(subnet.subnetId(), 1, Integer::sum) - 1;
        String[] base = subnet.cidrBlock().split("/")[0].split("\\.");
        int host = 5 + used;
        int third = Integer.parseInt(base[2]) + host / 256;
        return base[0] + "." + base[1] + "." + third + "." + (host % 256);
    }

    /** A 17-hex-digit id unique per sequence number: multiplying by an odd constant is a bijection. */
    private static String ids(String prefix, long n, long multiplier) {
        return prefix + String.format("%016x", n * multiplier);
    }
}
