package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.AccessConfig;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.model.Update;
import dev.ekslifecycle.local.eks.model.VpcConfig;
import dev.ekslifecycle.local.eks.state.ClusterState;
import dev.ekslifecycle.local.eks.state.UpdateState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * UpdateClusterVersion (upgrade one minor, or roll back one) and UpdateClusterConfig: each starts an update that
 * ends on the clock, when its changes are applied to the cluster.
 */
public final class ClusterUpdates {

    /** How long after an in-place upgrade EKS still allows rolling back. */
    static final Duration ROLLBACK_WINDOW = Duration.ofDays(7);
    /** How many minors a node group's kubelet may trail the control plane. */
    static final int KUBELET_SKEW = 3;

    private static final Map<String, List<String>> AUTHENTICATION_MODE_STEPS = Map.of(
            "CONFIG_MAP", List.of("API_AND_CONFIG_MAP", "API"),
            "API_AND_CONFIG_MAP", List.of("API"),
            "API", List.of());

    private final EksContext ctx;
    private final InsightOperations insights;
    private final EndOfSupportUpgrades endOfSupport;

    public ClusterUpdates(EksContext ctx, InsightOperations insights) {
        this.ctx = ctx;
        this.insights = insights;
        this.endOfSupport = new EndOfSupportUpgrades(ctx, this::upgradeAtEndOfSupport);
    }

    /** Watches an ACTIVE cluster for the end of its version's support; also used after a restart. */
    public void watchSupport(ClusterState state) {
        endOfSupport.watch(state);
    }

    /**
     * EKS's own upgrade at the end of support: no readiness or skew checks. False when the cluster is busy and
     * should be tried again; true when started or when the cluster is gone.
     */
    private boolean upgradeAtEndOfSupport(String region, String name) {
        return ctx.store().write(after -> {
            var found = ctx.store().cluster(region, name);
            if (found.isEmpty()) {
                return true;
            }
            ClusterState state = found.get();
            if (!ClusterOperations.ACTIVE.equals(state.cluster().status())
                    || ctx.store().updateInProgress(region, name, null, null).isPresent()) {
                return false;
            }
            String target = KubernetesVersion.ofMinor(KubernetesVersion.minorOf(state.cluster().version()) + 1);
            KubernetesVersion version = ctx.versions().find(target).orElseThrow();
            start(after, state, "VersionUpdate", List.of(Updates.param("Version", target),
                    Updates.param("PlatformVersion", version.platformVersion())), versionChanges(version),
                    ctx.durations().clusterVersionUpdate());
            return true;
        });
    }

    private static ObjectNode versionChanges(KubernetesVersion version) {
        return EksJson.MAPPER.createObjectNode().put("version", version.version())
                .put("platformVersion", version.platformVersion());
    }

    public Update updateVersion(String region, String name, ClusterRequests.UpdateClusterVersion request) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "UpdateClusterVersion", region, name,
                    request.clientRequestToken(), request);
            if (replayed.isPresent()) {
                return update(region, name, replayed.get());
            }
            ClusterState state = startable(region, name);
            Cluster cluster = state.cluster();
            String target = Checks.required(request.version(), "version");
            KubernetesVersion version = ctx.versions().offered(target, ctx.now()).orElseThrow(() ->
                    EksError.invalidParameter("unsupported Kubernetes version " + target).with("clusterName", name));
            int from = KubernetesVersion.minorOf(cluster.version());
            int to = version.minor();
            String type;
            if (to == from + 1) {
                checkUpgrade(region, name, target, from, Boolean.TRUE.equals(request.force()));
                type = "VersionUpdate";
            } else if (to == from - 1) {
                checkRollback(state, target);
                type = "VersionRollback";
            } else if (to == from) {
                throw EksError.invalidParameter("Cluster " + name + " is already at version " + target)
                        .with("clusterName", name);
            } else {
                throw EksError.invalidParameter("Unsupported Kubernetes minor version update from "
                        + cluster.version() + " to " + target + ": a cluster moves one minor version at a time")
                        .with("clusterName", name);
            }
            UpdateState update = start(after, state, type, List.of(Updates.param("Version", target),
                    Updates.param("PlatformVersion", version.platformVersion())), versionChanges(version),
                    ctx.durations().clusterVersionUpdate());
            Idempotency.remember(ctx.store(), "UpdateClusterVersion", region, name, request.clientRequestToken(),
                    request, update.update().id());
            return update.update();
        });
    }

    private void checkUpgrade(String region, String name, String target, int from, boolean force) {
        List<String> lagging = ctx.store().nodegroups(region, name).stream()
                .filter(n -> KubernetesVersion.minorOf(n.nodegroup().version()) < from + 1 - KUBELET_SKEW)
                .map(n -> n.nodegroup().nodegroupName()).toList();
        if (!lagging.isEmpty()) {
            throw EksError.invalidRequest("Nodegroups " + lagging + " would be more than " + KUBELET_SKEW
                    + " minor versions behind the control plane at " + target + "; update them first")
                    .with("clusterName", name);
        }
        var blocking = insights.blockingUpgradeTo(region, name, target);
        if (!blocking.isEmpty() && !force) {
            throw EksError.invalidRequest("Upgrade readiness checks failed for Kubernetes " + target + ": "
                    + blocking.stream().map(i -> i.name()).collect(Collectors.joining(", "))
                    + ". Resolve them or set force to update anyway").with("clusterName", name);
        }
    }

    private void checkRollback(ClusterState state, String target) {
        String name = state.name();
        ClusterState.LastUpgrade last = state.lastUpgrade();
        if (last == null || !last.fromVersion().equals(target)
                || ctx.now().isAfter(last.completedAt().plus(ROLLBACK_WINDOW))) {
            throw EksError.invalidParameter("Unsupported Kubernetes minor version downgrade from "
                    + state.cluster().version() + " to " + target + ": a cluster can roll back one minor version "
                    + "within 7 days of an in-place upgrade from it").with("clusterName", name);
        }
        List<String> newer = ctx.store().nodegroups(state.region(), name).stream()
                .filter(n -> n.nodegroup().version().equals(state.cluster().version()))
                .map(n -> n.nodegroup().nodegroupName()).toList();
        if (!newer.isEmpty()) {
            throw EksError.invalidRequest("Cannot roll back the control plane while managed node groups " + newer
                    + " run Kubernetes " + state.cluster().version() + "; roll them back first")
                    .with("clusterName", name);
        }
        if (!ctx.store().fargateProfiles(state.region(), name).isEmpty()) {
            throw EksError.invalidRequest("Control plane rollback is not supported for clusters with Fargate "
                    + "profiles").with("clusterName", name);
        }
    }

    public Update updateConfig(String region, String name, ClusterRequests.UpdateClusterConfig request) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "UpdateClusterConfig", region, name,
                    request.clientRequestToken(), request);
            if (replayed.isPresent()) {
                return update(region, name, replayed.get());
            }
            ClusterState state = startable(region, name);
            ConfigChange change = configChange(state.cluster(), request);
            UpdateState update = start(after, state, change.type(), change.params(), change.changes(),
                    ctx.durations().clusterConfigUpdate());
            Idempotency.remember(ctx.store(), "UpdateClusterConfig", region, name, request.clientRequestToken(),
                    request, update.update().id());
            return update.update();
        });
    }

    private record ConfigChange(String type, List<Update.Param> params, ObjectNode changes) {
    }

    /** The one kind of change a request asks for, as EKS allows one kind per update. */
    private ConfigChange configChange(Cluster cluster, ClusterRequests.UpdateClusterConfig r) {
        List<ConfigChange> asked = new ArrayList<>();
        if (r.resourcesVpcConfig() != null) {
            asked.add(vpcChange(cluster, r.resourcesVpcConfig()));
        }
        if (r.logging() != null) {
            asked.add(change("LoggingUpdate", "logging", r.logging(), "ClusterLogging"));
        }
        if (r.accessConfig() != null) {
            asked.add(accessChange(cluster, r.accessConfig()));
        }
        if (r.upgradePolicy() != null) {
            Checks.oneOf(r.upgradePolicy().supportType(), "upgradePolicy.supportType", Set.of("STANDARD", "EXTENDED"));
            asked.add(change("UpgradePolicyUpdate", "upgradePolicy", r.upgradePolicy(), "UpgradePolicy"));
        }
        if (r.zonalShiftConfig() != null) {
            asked.add(change("ZonalShiftConfigUpdate", "zonalShiftConfig", r.zonalShiftConfig(), "ZonalShiftConfig"));
        }
        if (r.computeConfig() != null || r.storageConfig() != null || r.kubernetesNetworkConfig() != null) {
            asked.add(autoModeChange(cluster, r));
        }
        if (r.remoteNetworkConfig() != null) {
            asked.add(change("RemoteNetworkConfigUpdate", "remoteNetworkConfig", r.remoteNetworkConfig(),
                    "RemoteNetworkConfig"));
        }
        if (r.deletionProtection() != null) {
            asked.add(change("DeletionProtectionUpdate", "deletionProtection", r.deletionProtection(),
                    "DeletionProtection"));
        }
        if (r.controlPlaneScalingConfig() != null) {
            asked.add(change("ControlPlaneScalingConfigUpdate", "controlPlaneScalingConfig",
                    r.controlPlaneScalingConfig(), "UpdatedTier"));
        }
        if (r.kubeApiServerConfig() != null || r.kubeSchedulerConfig() != null
                || r.kubeControllerManagerConfig() != null) {
            asked.add(componentChange(r));
        }
        if (asked.isEmpty()) {
            throw EksError.invalidParameter("No changes were requested for cluster " + cluster.name())
                    .with("clusterName", cluster.name());
        }
        if (asked.size() > 1) {
            throw EksError.invalidParameter("Only one type of update can be allowed.")
                    .with("clusterName", cluster.name());
        }
        return asked.get(0);
    }

    private static ConfigChange change(String type, String member, Object value, String paramType) {
        ObjectNode changes = EksJson.MAPPER.createObjectNode();
        changes.set(member, EksJson.tree(value));
        return new ConfigChange(type, List.of(Updates.param(paramType, value)), changes);
    }

    private ConfigChange vpcChange(Cluster cluster, VpcConfig asked) {
        VpcConfig current = cluster.resourcesVpcConfig();
        List<Update.Param> params = new ArrayList<>();
        boolean network = asked.subnetIds() != null || asked.securityGroupIds() != null;
        if (asked.subnetIds() != null) {
            ClusterChecks.clusterVpc(ctx.subnets(), asked, cluster.id());
            params.add(Updates.param("Subnets", asked.subnetIds()));
        }
        if (asked.securityGroupIds() != null) {
            params.add(Updates.param("SecurityGroups", asked.securityGroupIds()));
        }
        boolean publicAccess = pick(asked.endpointPublicAccess(), current.endpointPublicAccess());
        boolean privateAccess = pick(asked.endpointPrivateAccess(), current.endpointPrivateAccess());
        ClusterChecks.endpointAccess(publicAccess, privateAccess);
        if (asked.endpointPublicAccess() != null) {
            params.add(Updates.param("EndpointPublicAccess", String.valueOf(publicAccess)));
        }
        if (asked.endpointPrivateAccess() != null) {
            params.add(Updates.param("EndpointPrivateAccess", String.valueOf(privateAccess)));
        }
        if (asked.publicAccessCidrs() != null) {
            params.add(Updates.param("PublicAccessCidrs", asked.publicAccessCidrs()));
        }
        VpcConfig merged = new VpcConfig(pick(asked.subnetIds(), current.subnetIds()),
                pick(asked.securityGroupIds(), current.securityGroupIds()), current.clusterSecurityGroupId(),
                current.vpcId(), publicAccess, privateAccess,
                pick(asked.publicAccessCidrs(), current.publicAccessCidrs()),
                pick(asked.controlPlaneEgressMode(), current.controlPlaneEgressMode()));
        ObjectNode changes = EksJson.MAPPER.createObjectNode();
        changes.set("resourcesVpcConfig", EksJson.tree(merged));
        return new ConfigChange(network ? "VpcConfigUpdate" : "EndpointAccessUpdate", params, changes);
    }

    private static <T> T pick(T asked, T current) {
        return asked != null ? asked : current;
    }

    private static ConfigChange accessChange(Cluster cluster, AccessConfig asked) {
        String from = cluster.accessConfig().authenticationMode();
        String to = Checks.required(asked.authenticationMode(), "accessConfig.authenticationMode");
        if (!AUTHENTICATION_MODE_STEPS.getOrDefault(from, List.of()).contains(to)) {
            throw EksError.invalidParameter("Unsupported authentication mode update from " + from + " to " + to)
                    .with("clusterName", cluster.name());
        }
        AccessConfig merged = new AccessConfig(cluster.accessConfig().bootstrapClusterCreatorAdminPermissions(), to);
        ObjectNode changes = EksJson.MAPPER.createObjectNode();
        changes.set("accessConfig", EksJson.tree(merged));
        return new ConfigChange("AccessConfigUpdate", List.of(Updates.param("AuthenticationMode", to)), changes);
    }

    private static ConfigChange autoModeChange(Cluster cluster, ClusterRequests.UpdateClusterConfig r) {
        var compute = pick(r.computeConfig(), cluster.computeConfig());
        var storage = pick(r.storageConfig(), cluster.storageConfig());
        var network = pick(r.kubernetesNetworkConfig(), cluster.kubernetesNetworkConfig());
        ClusterChecks.autoMode(compute, storage, network);
        ObjectNode changes = EksJson.MAPPER.createObjectNode();
        List<Update.Param> params = new ArrayList<>();
        if (r.computeConfig() != null) {
            changes.set("computeConfig", EksJson.tree(compute));
            params.add(Updates.param("ComputeConfig", compute));
        }
        if (r.storageConfig() != null) {
            changes.set("storageConfig", EksJson.tree(storage));
            params.add(Updates.param("StorageConfig", storage));
        }
        if (r.kubernetesNetworkConfig() != null) {
            changes.set("kubernetesNetworkConfig", EksJson.tree(network));
            params.add(Updates.param("KubernetesNetworkConfig", network));
        }
        return new ConfigChange("AutoModeUpdate", params, changes);
    }

    private static ConfigChange componentChange(ClusterRequests.UpdateClusterConfig r) {
        ObjectNode changes = EksJson.MAPPER.createObjectNode();
        List<Update.Param> params = new ArrayList<>();
        if (r.kubeApiServerConfig() != null) {
            changes.set("kubeApiServerConfig", r.kubeApiServerConfig());
            params.add(Updates.param("KubeApiServerConfig", r.kubeApiServerConfig()));
        }
        if (r.kubeSchedulerConfig() != null) {
            changes.set("kubeSchedulerConfig", r.kubeSchedulerConfig());
            params.add(Updates.param("KubeSchedulerConfig", r.kubeSchedulerConfig()));
        }
        if (r.kubeControllerManagerConfig() != null) {
            changes.set("kubeControllerManagerConfig", r.kubeControllerManagerConfig());
            params.add(Updates.param("KubeControllerManagerConfig", r.kubeControllerManagerConfig()));
        }
        return new ConfigChange("ControlPlaneComponentConfigUpdate", params, changes);
    }

    /** A cluster that can start an update: ACTIVE, with none in progress. */
    private ClusterState startable(String region, String name) {
        ClusterState state = ClusterOperations.find(ctx, region, name);
        if (ctx.store().updateInProgress(region, name, null, null).isPresent()) {
            throw EksError.resourceInUse("Cluster " + name + " already has an update in progress")
                    .with("clusterName", name);
        }
        if (!ClusterOperations.ACTIVE.equals(state.cluster().status())) {
            throw EksError.resourceInUse("Cluster " + name + " is in " + state.cluster().status()
                    + " status and cannot be updated").with("clusterName", name);
        }
        return state;
    }

    private UpdateState start(dev.ekslifecycle.local.eks.state.EksStore.AfterCommit after, ClusterState state,
                              String type, List<Update.Param> params, ObjectNode changes, Duration duration) {
        var planned = ctx.store().takeArmedFailure(state.region(), state.name(), null).orElse(null);
        UpdateState update = Updates.start(ctx, Updates.Target.cluster(state.region(), state.name()), type, params,
                changes, ctx.now().plus(duration), planned);
        ctx.store().put(state.with(state.cluster().withStatus(ClusterOperations.UPDATING)));
        after.then(() -> schedule(update));
        return update;
    }

    /** Schedules the end of a cluster update; also used to resume one after a restart. */
    public void schedule(UpdateState update) {
        ctx.clock().schedule(update.dueAt(), () -> finish(update.region(), update.clusterName(), update.update().id()));
    }

    private void finish(String region, String name, String updateId) {
        String newVersion = ctx.store().write(after -> {
            var found = ctx.store().update(region, name, updateId).filter(u -> u.update().inProgress());
            var cluster = ctx.store().cluster(region, name);
            if (found.isEmpty() || cluster.isEmpty()) {
                return null;
            }
            UpdateState update = found.get();
            ClusterState state = cluster.get();
            if (update.plannedFailure() != null) {
                Updates.end(ctx, update, update.plannedFailure());
                ctx.store().put(state.with(state.cluster().withStatus(ClusterOperations.ACTIVE)));
                return null;
            }
            Updates.end(ctx, update, null);
            Cluster changed = EksJson.withMembers(state.cluster(), update.changes())
                    .withStatus(ClusterOperations.ACTIVE);
            String type = update.update().type();
            ClusterState.LastUpgrade lastUpgrade = switch (type) {
                case "VersionUpdate" -> new ClusterState.LastUpgrade(state.cluster().version(), ctx.now());
                case "VersionRollback" -> null;
                default -> state.lastUpgrade();
            };
            ClusterState ended = new ClusterState(region, changed, null, lastUpgrade);
            ctx.store().put(ended);
            if (type.startsWith("Version") || type.equals("UpgradePolicyUpdate")) {
                after.then(() -> endOfSupport.watch(ended));
            }
            if (!type.startsWith("Version")) {
                return null;
            }
            insights.refresh(region, name, changed.version());
            return changed.version();
        });
        if (newVersion != null) {
            ctx.apiServers().setVersion(name, newVersion);
        }
    }

    /** DescribeUpdate of any target of the cluster; {@code nodegroup}/{@code addon} must match the update's. */
    public Update describe(String region, String name, String updateId, String nodegroup, String addon) {
        return ctx.store().read(() -> {
            ClusterOperations.find(ctx, region, name);
            return ctx.store().update(region, name, updateId)
                    .filter(u -> nodegroup == null || nodegroup.equals(u.nodegroupName()))
                    .filter(u -> addon == null || addon.equals(u.addonName()))
                    .map(UpdateState::update)
                    .orElseThrow(() -> EksError.resourceNotFound("No update found for ID: " + updateId)
                            .with("clusterName", name).with("nodegroupName", nodegroup).with("addonName", addon));
        });
    }

    /** ListUpdates: the cluster's own updates, or a node group's or an add-on's. */
    public Page<String> list(String region, String name, String nodegroup, String addon, Integer maxResults,
                             String nextToken) {
        List<String> ids = ctx.store().read(() -> {
            ClusterOperations.find(ctx, region, name);
            if (nodegroup != null && ctx.store().nodegroup(region, name, nodegroup).isEmpty()) {
                throw NodegroupOperations.notFound(name, nodegroup);
            }
            return ctx.store().updates(region, name).stream()
                    .filter(u -> java.util.Objects.equals(u.nodegroupName(), nodegroup)
                            && java.util.Objects.equals(u.addonName(), addon))
                    .sorted(java.util.Comparator.comparing(u -> u.update().createdAt()))
                    .map(u -> u.update().id()).toList();
        });
        return Page.of(ids, maxResults, nextToken, 100);
    }

    private Update update(String region, String name, String id) {
        return ctx.store().update(region, name, id).map(UpdateState::update).orElseThrow(() ->
                EksError.resourceNotFound("No update found for ID: " + id).with("clusterName", name));
    }
}
