package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.model.Nodegroup;
import dev.ekslifecycle.local.eks.model.Update;
import dev.ekslifecycle.local.eks.state.NodegroupState;
import dev.ekslifecycle.local.eks.state.UpdateState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateNodegroupConfig (sizes, labels, taints, update and repair settings; applied to the fleet when the update
 * ends) and UpdateNodegroupVersion (a roll of every node, done by the fleet, which ends the update).
 */
public final class NodegroupUpdates {

    private final EksContext ctx;
    private final ClusterOperations clusters;
    private final NodegroupOperations nodegroups;

    public NodegroupUpdates(EksContext ctx, ClusterOperations clusters, NodegroupOperations nodegroups) {
        this.ctx = ctx;
        this.clusters = clusters;
        this.nodegroups = nodegroups;
    }

    public Update updateConfig(String region, String cluster, String name, NodegroupRequests.UpdateNodegroupConfig r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "UpdateNodegroupConfig", region, cluster + "/" + name,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return replay(region, cluster, replayed.get());
            }
            NodegroupState state = startable(region, cluster, name);
            Nodegroup n = state.nodegroup();
            ObjectNode changes = EksJson.MAPPER.createObjectNode();
            List<Update.Param> params = new ArrayList<>();
            if (r.labels() != null) {
                changes.set("labels", EksJson.tree(labels(n.labels(), r.labels())));
                addParam(params, "LabelsToAdd", r.labels().addOrUpdateLabels());
                addParam(params, "LabelsToRemove", r.labels().removeLabels());
            }
            if (r.taints() != null) {
                changes.set("taints", EksJson.tree(taints(n.taints(), r.taints())));
                addParam(params, "TaintsToAdd", r.taints().addOrUpdateTaints());
                addParam(params, "TaintsToRemove", r.taints().removeTaints());
            }
            if (r.scalingConfig() != null) {
                Nodegroup.ScalingConfig s = scaling(n.scalingConfig(), r.scalingConfig());
                NodegroupChecks.scaling(s);
                changes.set("scalingConfig", EksJson.tree(s));
                addParam(params, "MinSize", r.scalingConfig().minSize());
                addParam(params, "MaxSize", r.scalingConfig().maxSize());
                addParam(params, "DesiredSize", r.scalingConfig().desiredSize());
            }
            if (r.updateConfig() != null) {
                Nodegroup.UpdateConfig u = updateConfig(n.updateConfig(), r.updateConfig());
                NodegroupChecks.updateConfig(u);
                changes.set("updateConfig", EksJson.tree(u));
                addParam(params, "MaxUnavailable", r.updateConfig().maxUnavailable());
                addParam(params, "MaxUnavailablePercentage", r.updateConfig().maxUnavailablePercentage());
                addParam(params, "UpdateStrategy", r.updateConfig().updateStrategy());
            }
            if (r.nodeRepairConfig() != null) {
                changes.set("nodeRepairConfig", EksJson.tree(r.nodeRepairConfig()));
                addParam(params, "NodeRepairEnabled", r.nodeRepairConfig().enabled());
            }
            if (r.warmPoolConfig() != null) {
                changes.set("warmPoolConfig", r.warmPoolConfig());
            }
            if (changes.isEmpty()) {
                throw EksError.invalidParameter("No changes were requested for nodegroup " + name)
                        .with("clusterName", cluster).with("nodegroupName", name);
            }
            UpdateState update = start(state, "ConfigUpdate", params, changes, true);
            after.then(() -> ctx.clock().schedule(update.dueAt(), () -> finish(update, null)));
            Idempotency.remember(ctx.store(), "UpdateNodegroupConfig", region, cluster + "/" + name,
                    r.clientRequestToken(), r, update.update().id());
            return update.update();
        });
    }

    private static void addParam(List<Update.Param> params, String type, Object value) {
        if (value != null) {
            params.add(Updates.param(type, value instanceof Number || value instanceof Boolean
                    ? String.valueOf(value) : value));
        }
    }

    private static Map<String, String> labels(Map<String, String> current, NodegroupRequests.UpdateLabels change) {
        Map<String, String> out = new LinkedHashMap<>(current);
        if (change.addOrUpdateLabels() != null) {
            out.putAll(change.addOrUpdateLabels());
        }
        if (change.removeLabels() != null) {
            for (String key : change.removeLabels()) {
                if (change.addOrUpdateLabels() != null && change.addOrUpdateLabels().containsKey(key)) {
                    throw EksError.invalidParameter("The label " + key + " cannot be both added and removed");
                }
                out.remove(key);
            }
        }
        return out;
    }

    private static List<Nodegroup.Taint> taints(List<Nodegroup.Taint> current, NodegroupRequests.UpdateTaints change) {
        List<Nodegroup.Taint> added = change.addOrUpdateTaints() == null ? List.of() : change.addOrUpdateTaints();
        List<Nodegroup.Taint> removed = change.removeTaints() == null ? List.of() : change.removeTaints();
        NodegroupChecks.taints(added);
        List<Nodegroup.Taint> out = new ArrayList<>();
        for (Nodegroup.Taint t : current) {
            boolean replaced = added.stream().anyMatch(a -> a.key().equals(t.key()) && a.effect().equals(t.effect()));
            boolean dropped = removed.stream().anyMatch(d -> d.key().equals(t.key())
                    && (d.effect() == null || d.effect().equals(t.effect())));
            if (!replaced && !dropped) {
                out.add(t);
            }
        }
        out.addAll(added);
        return out;
    }

    private static Nodegroup.ScalingConfig scaling(Nodegroup.ScalingConfig current, Nodegroup.ScalingConfig asked) {
        return new Nodegroup.ScalingConfig(
                asked.minSize() != null ? asked.minSize() : current.minSize(),
                asked.maxSize() != null ? asked.maxSize() : current.maxSize(),
                asked.desiredSize() != null ? asked.desiredSize() : current.desiredSize());
    }

    private static Nodegroup.UpdateConfig updateConfig(Nodegroup.UpdateConfig current, Nodegroup.UpdateConfig asked) {
        boolean newLimit = asked.maxUnavailable() != null || asked.maxUnavailablePercentage() != null;
        return new Nodegroup.UpdateConfig(
                newLimit ? asked.maxUnavailable() : current.maxUnavailable(),
                newLimit ? asked.maxUnavailablePercentage() : current.maxUnavailablePercentage(),
                asked.updateStrategy() != null ? asked.updateStrategy() : current.updateStrategy());
    }

    public Update updateVersion(String region, String cluster, String name,
                                NodegroupRequests.UpdateNodegroupVersion r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "UpdateNodegroupVersion", region, cluster + "/" + name,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return replay(region, cluster, replayed.get());
            }
            NodegroupState state = startable(region, cluster, name);
            Nodegroup n = state.nodegroup();
            Cluster c = clusters.find(region, cluster).cluster();
            String version = r.version() == null ? c.version() : r.version();
            int minor = KubernetesVersion.minorOf(version);
            if (ctx.versions().find(version).isEmpty()) {
                throw EksError.invalidParameter("unsupported Kubernetes version " + version)
                        .with("nodegroupName", name);
            }
            if (minor > KubernetesVersion.minorOf(c.version())) {
                throw EksError.invalidParameter("Requested Nodegroup version " + version
                        + " is newer than the cluster's Kubernetes version " + c.version())
                        .with("clusterName", cluster).with("nodegroupName", name);
            }
            if (minor < KubernetesVersion.minorOf(n.version())) {
                throw EksError.invalidParameter("Requested Nodegroup version " + version
                        + " is older than its current version " + n.version() + "; node groups are not downgraded")
                        .with("clusterName", cluster).with("nodegroupName", name);
            }
            String release = r.releaseVersion() != null ? r.releaseVersion()
                    : ctx.versions().find(version).map(KubernetesVersion::amiReleaseVersion).orElseThrow();
            if (version.equals(n.version()) && release.equals(n.releaseVersion()) && r.launchTemplate() == null) {
                throw EksError.invalidParameter("Nodegroup " + name + " is already at version " + version
                        + " and release " + release).with("clusterName", cluster).with("nodegroupName", name);
            }
            ObjectNode changes = EksJson.MAPPER.createObjectNode().put("version", version)
                    .put("releaseVersion", release);
            List<Update.Param> params = List.of(Updates.param("Version", version),
                    Updates.param("ReleaseVersion", release));
            UpdateState update = start(state, "VersionUpdate", params, changes, false);
            String autoScalingGroup = n.autoScalingGroupName();
            NodeGroupFleet.RollRequest roll = new NodeGroupFleet.RollRequest(version, release,
                    NodegroupChecks.maxUnavailableNodes(n), n.updateConfig().updateStrategy(),
                    Boolean.TRUE.equals(r.force()));
            after.then(() -> {
                if (update.plannedFailure() != null) {
                    ctx.clock().schedule(update.dueAt(), () -> finish(update, null));
                } else if (autoScalingGroup == null || !nodegroups.fleetKnows(autoScalingGroup)) {
                    finish(update, new Update.ErrorDetail("Unknown", "Auto Scaling group " + autoScalingGroup
                            + " of node group " + name + " was not found", List.of(name)));
                } else {
                    ctx.fleet().roll(autoScalingGroup, roll, new FleetOutcome(failure -> finish(update, failure)));
                }
            });
            Idempotency.remember(ctx.store(), "UpdateNodegroupVersion", region, cluster + "/" + name,
                    r.clientRequestToken(), r, update.update().id());
            return update.update();
        });
    }

    /** A node group that can start an update: ACTIVE or DEGRADED, in an ACTIVE cluster, none in progress. */
    private NodegroupState startable(String region, String cluster, String name) {
        NodegroupState state = nodegroups.find(region, cluster, name);
        String clusterStatus = clusters.find(region, cluster).cluster().status();
        if (ctx.store().updateInProgress(region, cluster, name, null).isPresent()) {
            throw EksError.resourceInUse("Nodegroup " + name + " already has an update in progress")
                    .with("clusterName", cluster).with("nodegroupName", name);
        }
        String status = state.nodegroup().status();
        if (!ClusterOperations.ACTIVE.equals(status) && !NodegroupOperations.DEGRADED.equals(status)) {
            throw EksError.resourceInUse("Nodegroup " + name + " is in " + status + " status and cannot be updated")
                    .with("clusterName", cluster).with("nodegroupName", name);
        }
        if (!ClusterOperations.ACTIVE.equals(clusterStatus)) {
            throw EksError.resourceInUse("Cluster " + cluster + " is in " + clusterStatus + " status")
                    .with("clusterName", cluster).with("nodegroupName", name);
        }
        return state;
    }

    /**
     * Stores the update and marks the node group UPDATING. An update ends on the clock when {@code timed}, or
     * when the fleet reports; one with an armed fault always ends on the clock, failing.
     */
    private UpdateState start(NodegroupState state, String type, List<Update.Param> params, ObjectNode changes,
                              boolean timed) {
        Nodegroup n = state.nodegroup();
        var planned = ctx.store().takeArmedFailure(state.region(), n.clusterName(), n.nodegroupName()).orElse(null);
        var dueAt = timed || planned != null ? ctx.now().plus(ctx.durations().nodegroupConfigUpdate()) : null;
        UpdateState update = Updates.start(ctx,
                Updates.Target.nodegroup(state.region(), n.clusterName(), n.nodegroupName()), type, params, changes,
                dueAt, planned);
        ctx.store().put(state.with(n.withStatus(ClusterOperations.UPDATING, ctx.now())));
        return update;
    }

    /** Ends a node group update: applies its changes (and tells the fleet of new sizes, labels and taints). */
    void finish(UpdateState started, Update.ErrorDetail fleetFailure) {
        Nodegroup applied = ctx.store().write(after -> {
            var found = ctx.store().update(started.region(), started.clusterName(), started.update().id())
                    .filter(u -> u.update().inProgress());
            var state = ctx.store().nodegroup(started.region(), started.clusterName(), started.nodegroupName());
            if (found.isEmpty() || state.isEmpty()) {
                return null;
            }
            Update.ErrorDetail failure = fleetFailure != null ? fleetFailure : found.get().plannedFailure();
            Updates.end(ctx, found.get(), failure);
            Nodegroup n = state.get().nodegroup();
            Nodegroup ended = failure == null ? EksJson.withMembers(n, found.get().changes()) : n;
            boolean unhealthy = ended.health() != null && !ended.health().issues().isEmpty();
            ctx.store().put(state.get().with(ended.withStatus(
                    unhealthy ? NodegroupOperations.DEGRADED : ClusterOperations.ACTIVE, ctx.now())));
            return failure == null && "ConfigUpdate".equals(found.get().update().type()) ? ended : null;
        });
        if (applied != null && applied.autoScalingGroupName() != null
                && nodegroups.fleetKnows(applied.autoScalingGroupName())) {
            tellFleet(started.changes(), applied);
        }
    }

    private void tellFleet(ObjectNode changes, Nodegroup n) {
        if (changes.has("scalingConfig")) {
            ctx.fleet().resize(n.autoScalingGroupName(), n.scalingConfig().minSize(), n.scalingConfig().maxSize(),
                    n.scalingConfig().desiredSize());
        }
        if (changes.has("labels") || changes.has("taints")) {
            ctx.fleet().updateNodeMetadata(n.autoScalingGroupName(), n.labels(),
                    NodegroupOperations.fleetTaints(n.taints()));
        }
    }

    /**
     * After a restart: a timed update is rescheduled; one the fleet was running ends now, as if it succeeded
     * (its node group is then launched again at the new version).
     */
    public void resume(UpdateState update) {
        if (update.dueAt() != null) {
            ctx.clock().schedule(update.dueAt(), () -> finish(update, null));
        } else {
            finish(update, null);
        }
    }

    private Update replay(String region, String cluster, String updateId) {
        return ctx.store().update(region, cluster, updateId).map(UpdateState::update).orElseThrow(() ->
                        EksError.resourceNotFound("No update found for ID: " + updateId));
    }
}
