package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.ec2.Ec2Instance;
import dev.ekslifecycle.local.ec2.Ec2Inventory;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.ec2.InstanceState;
import dev.ekslifecycle.local.ec2.LaunchSpec;
import dev.ekslifecycle.local.events.EventPublisher;
import dev.ekslifecycle.local.query.QueryError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Auto Scaling groups and their instances. Each group keeps its count of Pending and InService instances at its
 * desired capacity: it launches into the Availability Zone with the fewest instances, and scales in from the zone
 * with the most, oldest launch version first. An instance terminated behind its back (EC2 TerminateInstances) is
 * replaced. Launches and terminations are published as {@code aws.autoscaling} events.
 *
 * <p>All state changes happen under this object's lock; {@link GroupListener}s are told under it too.
 */
public final class AutoScalingService {

    private final Ec2Inventory ec2;
    private final SimulationClock clock;
    private final AutoScalingEvents events;
    private final Map<String, GroupRecord> groups = new LinkedHashMap<>();
    private final Map<String, GroupInstance> members = new LinkedHashMap<>();
    private final List<GroupListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Runnable changed = () -> { };

    public AutoScalingService(Ec2Inventory ec2, SimulationClock clock, EventPublisher publisher) {
        this.ec2 = ec2;
        this.clock = clock;
        this.events = new AutoScalingEvents(publisher);
        ec2.addListener(this::instanceChanged);
    }

    public void addListener(GroupListener listener) {
        listeners.add(listener);
    }

    /** Called after every change of state, for saving it. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    public synchronized AutoScalingSnapshot snapshot() {
        return new AutoScalingSnapshot(List.copyOf(groups.values()), List.copyOf(members.values()));
    }

    /** Puts back a saved state; EC2, restored too, finishes the launches and terminations under way. */
    public synchronized void restore(AutoScalingSnapshot saved) {
        saved.groups().forEach(g -> groups.put(g.name(), g));
        saved.members().forEach(m -> members.put(m.instanceId(), m));
    }

    /** What a new group is made of. */
    public record GroupSpec(String name, int minSize, int maxSize, int desiredCapacity, List<String> subnetIds,
                            List<String> instanceTypes, LaunchVersion launchVersion, Map<String, String> tags) {
    }

    /**
     * Creates a group and launches its desired capacity.
     *
     * @throws QueryError AlreadyExists or ValidationError, as CreateAutoScalingGroup answers
     */
    public synchronized GroupRecord create(GroupSpec spec) {
        if (groups.containsKey(spec.name())) {
            throw new QueryError("AlreadyExists", 400, "AutoScalingGroup by this name already exists - A group with"
                    + " the name " + spec.name() + " already exists");
        }
        validateSizes(spec.minSize(), spec.maxSize(), spec.desiredCapacity());
        if (spec.subnetIds().isEmpty()) {
            throw validation("At least one Availability Zone or VPC Subnet is required.");
        }
        List<Ec2Subnet> subnets = spec.subnetIds().stream().map(id -> ec2.subnet(id)
                .orElseThrow(() -> validation("The subnet ID '" + id + "' does not exist"))).toList();
        GroupRecord group = new GroupRecord(spec.name(),
                UUID.nameUUIDFromBytes((spec.name() + "@" + clock.instant()).getBytes()).toString(),
                subnets.get(0).region(), spec.minSize(), spec.maxSize(), spec.desiredCapacity(), spec.subnetIds(),
                spec.instanceTypes().isEmpty() ? List.of("t3.medium") : spec.instanceTypes(), spec.launchVersion(),
                spec.tags(), clock.instant(), false);
        groups.put(group.name(), group);
        reconcile(group.name());
        return group;
    }

    public synchronized Optional<GroupRecord> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public synchronized List<GroupRecord> groups(String region) {
        return groups.values().stream().filter(g -> g.region().equals(region)).toList();
    }

    /** The group's instances not yet terminated, oldest first. */
    public synchronized List<GroupInstance> members(String groupName) {
        return members.values().stream().filter(m -> m.groupName().equals(groupName)).toList();
    }

    public synchronized Optional<GroupInstance> member(String instanceId) {
        return Optional.ofNullable(members.get(instanceId));
    }

    /** SetDesiredCapacity. */
    public synchronized void setDesiredCapacity(String groupName, int desired) {
        GroupRecord g = existing(groupName);
        if (desired > g.maxSize()) {
            throw validation("New SetDesiredCapacity value " + desired + " is above max value " + g.maxSize()
                    + " for the AutoScalingGroup.");
        }
        if (desired < g.minSize()) {
            throw validation("New SetDesiredCapacity value " + desired + " is below min value " + g.minSize()
                    + " for the AutoScalingGroup.");
        }
        groups.put(groupName, g.withSizes(g.minSize(), g.maxSize(), desired));
        reconcile(groupName);
    }

    /**
     * UpdateAutoScalingGroup's sizes: an absent size keeps its value, except that the desired capacity follows a
     * new minimum or maximum it would fall outside of, as on AWS.
     */
    public synchronized void updateSizes(String groupName, Optional<Integer> min, Optional<Integer> max,
                                         Optional<Integer> desired) {
        GroupRecord g = existing(groupName);
        int newMin = min.orElse(g.minSize());
        int newMax = max.orElse(g.maxSize());
        int newDesired = desired.orElse(Math.max(newMin, Math.min(newMax, g.desiredCapacity())));
        validateSizes(newMin, newMax, newDesired);
        groups.put(groupName, g.withSizes(newMin, newMax, newDesired));
        reconcile(groupName);
    }

    /** New instances launch from this version; running ones keep theirs. */
    public synchronized void setLaunchVersion(String groupName, LaunchVersion version) {
        groups.put(groupName, existing(groupName).withLaunchVersion(version));
        changed.run();
    }

    /**
     * TerminateInstanceInAutoScalingGroup: terminates one instance; with {@code decrement} the desired capacity
     * drops by one, otherwise the group launches a replacement.
     */
    public synchronized Activity terminateInstance(String instanceId, boolean decrement) {
        GroupInstance m = members.get(instanceId);
        if (m == null) {
            throw validation("Instance Id not found - No managed instance found for instance ID: " + instanceId);
        }
        GroupRecord g = groups.get(m.groupName());
        if (decrement) {
            if (g.desiredCapacity() <= g.minSize()) {
                throw validation("Currently, desiredSize equals minSize (" + g.minSize() + "). Terminating instance"
                        + " without replacement will violate group's min size constraint. Either set"
                        + " shouldDecrementDesiredCapacity flag to false or lower group's min size.");
            }
            if (m.lifecycleState().counted()) {
                groups.put(g.name(), g.withSizes(g.minSize(), g.maxSize(), g.desiredCapacity() - 1));
            }
        }
        String cause = "At " + clock.instant() + " instance " + instanceId + " was taken out of service in response"
                + " to a user request" + (decrement ? ", shrinking the capacity from " + g.desiredCapacity() + " to "
                + (g.desiredCapacity() - 1) + "." : ".");
        Activity activity = new Activity(UUID.randomUUID().toString(), g.name(),
                "Terminating EC2 instance: " + instanceId, cause, clock.instant(), "InProgress", 0);
        beginTermination(m);
        reconcile(g.name());
        return activity;
    }

    /** Deletes the group: every instance terminates, and the group goes away when the last has. */
    public synchronized void delete(String groupName) {
        GroupRecord g = existing(groupName);
        groups.put(groupName, g.beingDeleted());
        reconcile(groupName);
    }

    private GroupRecord existing(String groupName) {
        GroupRecord g = groups.get(groupName);
        if (g == null) {
            throw validation("AutoScalingGroup name not found - AutoScalingGroup '" + groupName + "' not found");
        }
        return g;
    }

    private static void validateSizes(int min, int max, int desired) {
        if (min < 0 || max < 0) {
            throw validation("Sizes must be at least 0");
        }
        if (min > max) {
            throw validation("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
        }
        if (desired < min || desired > max) {
            throw validation("Desired capacity:" + desired + " must be between the specified min size:" + min
                    + " and max size:" + max);
        }
    }

    static QueryError validation(String message) {
        return new QueryError("ValidationError", 400, message);
    }

    /**
     * Launches or terminates toward the desired capacity, one instance at a time and looking afresh each time
     * (a listener may have changed the group meanwhile); removes a deleted group once it is empty.
     */
    private void reconcile(String groupName) {
        while (true) {
            GroupRecord g = groups.get(groupName);
            if (g == null) {
                return;
            }
            long counted = members(groupName).stream().filter(m -> m.lifecycleState().counted()).count();
            if (counted < g.desiredCapacity()) {
                launch(g);
            } else if (counted > g.desiredCapacity()) {
                beginTermination(scaleInCandidate(groupName));
            } else {
                break;
            }
        }
        if (groups.get(groupName).deleting() && members(groupName).isEmpty()) {
            groups.remove(groupName);
        }
        changed.run();
    }

    private void launch(GroupRecord g) {
        Map<String, Integer> perZone = new HashMap<>();
        for (GroupInstance m : members(g.name())) {
            if (m.lifecycleState().counted()) {
                perZone.merge(m.availabilityZone(), 1, Integer::sum);
            }
        }
        Ec2Subnet subnet = g.subnetIds().stream().map(id -> ec2.subnet(id).orElseThrow())
                .min(Comparator.comparingInt(s -> perZone.getOrDefault(s.availabilityZone(), 0))).orElseThrow();
        Map<String, String> tags = new LinkedHashMap<>(g.tags());
        tags.put("aws:autoscaling:groupName", g.name());
        Ec2Instance instance = ec2.launch(new LaunchSpec(subnet.subnetId(), g.instanceTypes().get(0),
                g.launchVersion().imageId(), tags));
        GroupInstance member = new GroupInstance(instance.instanceId(), g.name(), subnet.availabilityZone(),
                subnet.subnetId(), instance.instanceType(), LifecycleState.PENDING, true, g.launchVersion(),
                clock.instant());
        members.put(member.instanceId(), member);
        tell(g, member);
    }

    /** The default termination policy: the zone with most instances, then the oldest launch version, then age. */
    private GroupInstance scaleInCandidate(String groupName) {
        List<GroupInstance> counted = members(groupName).stream().filter(m -> m.lifecycleState().counted()).toList();
        Map<String, Long> perZone = new HashMap<>();
        counted.forEach(m -> perZone.merge(m.availabilityZone(), 1L, Long::sum));
        return counted.stream().min(Comparator
                .comparingLong((GroupInstance m) -> -perZone.get(m.availabilityZone()))
                .thenComparingInt(m -> m.launchVersion().number())
                .thenComparing(GroupInstance::launchedAt)).orElseThrow();
    }

    private void beginTermination(GroupInstance m) {
        if (!m.lifecycleState().counted()) {
            return;
        }
        GroupInstance terminating = m.in(LifecycleState.TERMINATING);
        members.put(m.instanceId(), terminating);
        tell(groups.get(m.groupName()), terminating);
        ec2.terminate(List.of(m.instanceId()), "User initiated");
    }

    private synchronized void instanceChanged(Ec2Instance instance, InstanceState previous) {
        GroupInstance m = members.get(instance.instanceId());
        if (m == null) {
            return;
        }
        GroupRecord g = groups.get(m.groupName());
        switch (instance.state()) {
            case RUNNING -> {
                if (m.lifecycleState() == LifecycleState.PENDING) {
                    GroupInstance inService = m.in(LifecycleState.IN_SERVICE);
                    members.put(m.instanceId(), inService);
                    events.launched(g, inService, instance.subnetId(), clock.instant());
                    tell(g, inService);
                }
            }
            case SHUTTING_DOWN -> {
                if (m.lifecycleState().counted()) {
                    // terminated through EC2, not through the group: the group notices and replaces it
                    GroupInstance terminating = m.in(LifecycleState.TERMINATING);
                    members.put(m.instanceId(), terminating);
                    tell(g, terminating);
                    reconcile(g.name());
                }
            }
            case TERMINATED -> {
                members.remove(m.instanceId());
                GroupInstance gone = m.in(LifecycleState.TERMINATED);
                events.terminated(g, gone, instance.subnetId(), clock.instant());
                tell(g, gone);
                reconcile(g.name());
            }
            default -> {
                // pending: the member was recorded at launch
            }
        }
        changed.run();
    }

    private void tell(GroupRecord group, GroupInstance member) {
        for (GroupListener l : listeners) {
            l.memberChanged(group, member);
        }
    }

    /** For the endpoint: every member of the region, in launch order. */
    synchronized List<GroupInstance> membersIn(String region) {
        List<GroupInstance> out = new ArrayList<>();
        for (GroupInstance m : members.values()) {
            GroupRecord g = groups.get(m.groupName());
            if (g != null && g.region().equals(region)) {
                out.add(m);
            }
        }
        return out;
    }
}
