package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.model.Nodegroup;
import dev.ekslifecycle.local.eks.model.Update;
import dev.ekslifecycle.local.eks.state.NodegroupState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateNodegroup, DescribeNodegroup, ListNodegroups, DeleteNodegroup. The fleet does the work (instances, nodes);
 * the node group's status follows the fleet's outcomes.
 */
public final class NodegroupOperations {

    static final String CREATE_FAILED = "CREATE_FAILED";
    static final String DELETE_FAILED = "DELETE_FAILED";
    static final String DEGRADED = "DEGRADED";

    private final EksContext ctx;
    private final ClusterOperations clusters;

    public NodegroupOperations(EksContext ctx, ClusterOperations clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    public Nodegroup create(String region, String clusterName, NodegroupRequests.CreateNodegroup r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "CreateNodegroup", region, clusterName,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return find(region, clusterName, replayed.get()).nodegroup();
            }
            Cluster cluster = clusters.find(region, clusterName).cluster();
            String name = Checks.name(r.nodegroupName(), "nodegroupName");
            if (!ClusterOperations.ACTIVE.equals(cluster.status())
                    && !ClusterOperations.UPDATING.equals(cluster.status())) {
                throw EksError.invalidRequest("Cluster '" + clusterName + "' is not in ACTIVE status")
                        .with("clusterName", clusterName);
            }
            if (ctx.store().nodegroup(region, clusterName, name).isPresent()) {
                throw EksError.resourceInUse("NodeGroup already exists with name " + name + " and cluster name "
                        + clusterName).with("clusterName", clusterName).with("nodegroupName", name);
            }
            if (ctx.store().nodegroups(region, clusterName).size()
                    >= ctx.settings().quotas().nodegroupsPerCluster()) {
                throw EksError.limitExceeded("Nodegroup limit exceeded for cluster " + clusterName)
                        .with("clusterName", clusterName).with("nodegroupName", name);
            }
            Checks.required(r.nodeRole(), "nodeRole");
            ClusterChecks.subnets(ctx.subnets(), Checks.requiredNonEmpty(r.subnets(), "subnets"));
            String version = r.version() == null ? cluster.version() : r.version();
            if (!version.equals(cluster.version())) {
                throw EksError.invalidParameter("Requested Nodegroup Kubernetes version " + version
                        + " differs from the cluster version " + cluster.version()
                        + "; a new node group runs the cluster's version").with("nodegroupName", name);
            }
            Nodegroup.ScalingConfig scaling = scaling(r.scalingConfig());
            NodegroupChecks.scaling(scaling);
            Nodegroup.UpdateConfig updateConfig = r.updateConfig() == null
                    ? new Nodegroup.UpdateConfig(1, null, "DEFAULT") : withDefaultStrategy(r.updateConfig());
            NodegroupChecks.updateConfig(updateConfig);
            List<Nodegroup.Taint> taints = r.taints() == null ? List.of() : r.taints();
            NodegroupChecks.taints(taints);
            String capacityType = r.capacityType() == null ? "ON_DEMAND" : r.capacityType();
            Checks.oneOf(capacityType, "capacityType", Set.of("ON_DEMAND", "SPOT", "CAPACITY_BLOCK"));
            String release = r.releaseVersion() != null ? r.releaseVersion()
                    : ctx.versions().find(version).map(KubernetesVersion::amiReleaseVersion).orElse(version);
            Instant now = ctx.now();
            Nodegroup nodegroup = new Nodegroup(name, Arns.nodegroup(region, clusterName, name), clusterName, version,
                    release, now, now, ClusterOperations.CREATING, capacityType, scaling,
                    r.instanceTypes() == null ? List.of("t3.medium") : r.instanceTypes(),
                    List.copyOf(r.subnets()), r.remoteAccess(),
                    r.amiType() == null ? "AL2023_x86_64_STANDARD" : r.amiType(), r.nodeRole(),
                    r.labels() == null ? Map.of() : r.labels(), taints,
                    new Nodegroup.Resources(List.of(), null), r.diskSize() == null ? 20 : r.diskSize(),
                    Health.HEALTHY, updateConfig, r.nodeRepairConfig(), r.launchTemplate(),
                    r.tags() == null ? Map.of() : r.tags(), r.warmPoolConfig());
            ctx.store().put(new NodegroupState(region, nodegroup));
            Idempotency.remember(ctx.store(), "CreateNodegroup", region, clusterName, r.clientRequestToken(), r,
                    name);
            after.then(() -> launch(region, nodegroup,
                    new FleetOutcome(failure -> fleetReady(region, clusterName, name, failure))));
            return nodegroup;
        });
    }

    private static Nodegroup.ScalingConfig scaling(Nodegroup.ScalingConfig asked) {
        int min = asked == null || asked.minSize() == null ? 1 : asked.minSize();
        int max = asked == null || asked.maxSize() == null ? 2 : asked.maxSize();
        int desired = asked == null || asked.desiredSize() == null ? Math.max(min, Math.min(2, max))
                : asked.desiredSize();
        return new Nodegroup.ScalingConfig(min, max, desired);
    }

    private static Nodegroup.UpdateConfig withDefaultStrategy(Nodegroup.UpdateConfig u) {
        boolean noLimit = u.maxUnavailable() == null && u.maxUnavailablePercentage() == null;
        return new Nodegroup.UpdateConfig(noLimit ? Integer.valueOf(1) : u.maxUnavailable(),
                u.maxUnavailablePercentage(), u.updateStrategy() == null ? "DEFAULT" : u.updateStrategy());
    }

    /** Asks the fleet for the node group's Auto Scaling group and records its name; runs outside the lock. */
    private void launch(String region, Nodegroup n, NodeGroupFleet.Outcome whenReady) {
        NodeGroupFleet.FleetSpec spec = new NodeGroupFleet.FleetSpec(n.clusterName(), n.nodegroupName(),
                n.subnets(), n.instanceTypes(), n.capacityType(), n.amiType(), n.version(), n.releaseVersion(),
                n.labels(), fleetTaints(n.taints()), n.scalingConfig().minSize(), n.scalingConfig().maxSize(),
                n.scalingConfig().desiredSize());
        String autoScalingGroup = ctx.fleet().create(spec, whenReady);
        ctx.store().write(after -> {
            ctx.store().nodegroup(region, n.clusterName(), n.nodegroupName()).ifPresent(s ->
                    ctx.store().put(s.with(s.nodegroup().withAutoScalingGroup(autoScalingGroup))));
            return null;
        });
    }

    static List<NodeGroupFleet.Taint> fleetTaints(List<Nodegroup.Taint> taints) {
        return taints.stream().map(t -> new NodeGroupFleet.Taint(t.key(), t.value(), t.effect())).toList();
    }

    /** The nodes are Ready (or failed to be): the group turns ACTIVE once EKS's own minimum time has passed. */
    private void fleetReady(String region, String cluster, String name, Update.ErrorDetail failure) {
        if (failure != null) {
            settleCreate(region, cluster, name, failure);
            return;
        }
        Instant earliest = ctx.store().read(() -> ctx.store().nodegroup(region, cluster, name)
                .map(s -> s.nodegroup().createdAt().plus(ctx.durations().nodegroupCreate())).orElse(ctx.now()));
        ctx.clock().schedule(earliest.isAfter(ctx.now()) ? earliest : ctx.now(),
                () -> settleCreate(region, cluster, name, null));
    }

    private void settleCreate(String region, String cluster, String name, Update.ErrorDetail fleetFailure) {
        ctx.store().write(after -> {
            var creating = ctx.store().nodegroup(region, cluster, name)
                    .filter(s -> ClusterOperations.CREATING.equals(s.nodegroup().status()));
            if (creating.isEmpty()) {
                return null;
            }
            Update.ErrorDetail failure = fleetFailure != null ? fleetFailure
                    : ctx.store().takeArmedFailure(region, cluster, name).orElse(null);
            Nodegroup n = creating.get().nodegroup();
            ctx.store().put(creating.get().with(failure == null ? n.withStatus(ClusterOperations.ACTIVE, ctx.now())
                    : n.withStatus(CREATE_FAILED, ctx.now()).withHealth(issue(failure))));
            return null;
        });
    }

    static Health issue(Update.ErrorDetail failure) {
        return Health.of(failure.errorCode(), failure.errorMessage(), failure.resourceIds());
    }

    public Nodegroup describe(String region, String cluster, String name) {
        return ctx.store().read(() -> find(region, cluster, name).nodegroup());
    }

    public Page<String> list(String region, String cluster, Integer maxResults, String nextToken) {
        List<String> names = ctx.store().read(() -> {
            clusters.find(region, cluster);
            return ctx.store().nodegroups(region, cluster).stream().map(s -> s.nodegroup().nodegroupName()).toList();
        });
        return Page.of(names, maxResults, nextToken, 100);
    }

    public Nodegroup delete(String region, String cluster, String name) {
        return ctx.store().write(after -> {
            NodegroupState state = find(region, cluster, name);
            Nodegroup n = state.nodegroup();
            if (ClusterOperations.DELETING.equals(n.status())) {
                return n;
            }
            if (ClusterOperations.UPDATING.equals(n.status())) {
                throw EksError.resourceInUse("Nodegroup " + name + " is currently UPDATING and cannot be deleted")
                        .with("clusterName", cluster).with("nodegroupName", name);
            }
            NodegroupState deleting = state.with(n.withStatus(ClusterOperations.DELETING, ctx.now()));
            ctx.store().put(deleting);
            String autoScalingGroup = n.autoScalingGroupName();
            FleetOutcome gone = new FleetOutcome(failure -> settleDelete(region, cluster, name, failure));
            after.then(() -> {
                if (autoScalingGroup == null || !fleetKnows(autoScalingGroup)) {
                    gone.succeeded();
                } else {
                    ctx.fleet().delete(autoScalingGroup, gone);
                }
            });
            return deleting.nodegroup();
        });
    }

    private void settleDelete(String region, String cluster, String name, Update.ErrorDetail failure) {
        ctx.store().write(after -> {
            ctx.store().nodegroup(region, cluster, name)
                    .filter(s -> ClusterOperations.DELETING.equals(s.nodegroup().status()))
                    .ifPresent(s -> {
                        if (failure == null) {
                            ctx.store().removeNodegroup(region, cluster, name);
                        } else {
                            ctx.store().put(s.with(s.nodegroup().withStatus(DELETE_FAILED, ctx.now())
                                    .withHealth(issue(failure))));
                        }
                    });
            return null;
        });
    }

    /**
     * Sets the node group's health issues, as EKS reports problems it finds with the group's resources: an ACTIVE
     * group with issues turns DEGRADED, a DEGRADED one without issues turns ACTIVE again.
     */
    public Nodegroup setHealth(String region, String cluster, String name, List<Health.Issue> issues) {
        return ctx.store().write(after -> {
            NodegroupState state = find(region, cluster, name);
            Nodegroup n = state.nodegroup().withHealth(new Health(List.copyOf(issues)));
            if (!issues.isEmpty() && ClusterOperations.ACTIVE.equals(n.status())) {
                n = n.withStatus(DEGRADED, ctx.now());
            } else if (issues.isEmpty() && DEGRADED.equals(n.status())) {
                n = n.withStatus(ClusterOperations.ACTIVE, ctx.now());
            }
            ctx.store().put(state.with(n));
            return n;
        });
    }

    /**
     * After a restart: the fleet (which keeps no state) launches the group again, so a node group that was
     * ACTIVE, DEGRADED or UPDATING has nodes again; one that was CREATING becomes ACTIVE when they are Ready; one
     * that was DELETING is gone.
     */
    public void restore(NodegroupState state) {
        Nodegroup n = state.nodegroup();
        String region = state.region();
        switch (n.status()) {
            case ClusterOperations.CREATING -> launch(region, n,
                    new FleetOutcome(failure -> fleetReady(region, n.clusterName(), n.nodegroupName(), failure)));
            case ClusterOperations.DELETING -> settleDelete(region, n.clusterName(), n.nodegroupName(), null);
            case ClusterOperations.ACTIVE, DEGRADED, ClusterOperations.UPDATING -> {
                if (n.autoScalingGroupName() == null || !fleetKnows(n.autoScalingGroupName())) {
                    launch(region, n, NodeGroupFleet.Outcome.ignored());
                }
            }
            default -> {
                // CREATE_FAILED and DELETE_FAILED groups have nothing to bring back.
            }
        }
    }

    /** False when the fleet has no such group (it was lost in a restart); the contract throws for those. */
    boolean fleetKnows(String autoScalingGroup) {
        try {
            ctx.fleet().state(autoScalingGroup);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    NodegroupState find(String region, String cluster, String name) {
        clusters.find(region, cluster);
        return ctx.store().nodegroup(region, cluster, name).orElseThrow(() -> notFound(cluster, name));
    }

    static EksError notFound(String cluster, String name) {
        return EksError.resourceNotFound("No node group found for name: " + name + ".")
                .with("clusterName", cluster).with("nodegroupName", name);
    }
}
