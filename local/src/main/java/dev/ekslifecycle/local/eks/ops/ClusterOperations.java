package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.AccessConfig;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.model.UpgradePolicy;
import dev.ekslifecycle.local.eks.model.VpcConfig;
import dev.ekslifecycle.local.eks.state.ClusterState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateCluster, DescribeCluster, ListClusters, DeleteCluster and the CREATING and DELETING transitions. */
public final class ClusterOperations {

    static final String CREATING = "CREATING";
    static final String ACTIVE = "ACTIVE";
    static final String DELETING = "DELETING";
    static final String FAILED = "FAILED";
    static final String UPDATING = "UPDATING";

    /** What the emulated control plane presents; the local Kubernetes API is plain HTTP, so it only has to parse. */
    private static final String CERTIFICATE_AUTHORITY = Base64.getEncoder().encodeToString(
            ("-----BEGIN CERTIFICATE-----\nTUlJQ2xvY2FsLWVrcy1lbXVsYXRvci1jYQ==\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII));

    private final EksContext ctx;
    private final InsightOperations insights;
    private final ClusterUpdates updates;

    public ClusterOperations(EksContext ctx, InsightOperations insights, ClusterUpdates updates) {
        this.ctx = ctx;
        this.insights = insights;
        this.updates = updates;
    }

    public Cluster create(String region, ClusterRequests.CreateCluster request) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "CreateCluster", region, "-",
                    request.clientRequestToken(), request);
            if (replayed.isPresent()) {
                return find(region, replayed.get()).cluster();
            }
            String name = Checks.name(request.name(), "name");
            Checks.required(request.roleArn(), "roleArn");
            if (ctx.store().cluster(region, name).isPresent()) {
                throw EksError.resourceInUse("Cluster already exists with name: " + name).with("clusterName", name);
            }
            if (ctx.store().clusters(region).size() >= ctx.settings().quotas().clustersPerRegion()) {
                throw EksError.limitExceeded("Cluster limit exceeded for account in " + region).with(
                        "clusterName", name);
            }
            KubernetesVersion version = request.version() == null ? ctx.versions().defaultVersion(ctx.now())
                    : ctx.versions().offered(request.version(), ctx.now()).orElseThrow(() ->
                    EksError.invalidParameter("unsupported Kubernetes version " + request.version())
                            .with("clusterName", name));
            String id = UUID.randomUUID().toString();
            VpcConfig vpc = ClusterChecks.clusterVpc(ctx.subnets(), request.resourcesVpcConfig(), id);
            ClusterChecks.autoMode(request.computeConfig(), request.storageConfig(),
                    request.kubernetesNetworkConfig());
            String supportType = request.upgradePolicy() == null || request.upgradePolicy().supportType() == null
                    ? "EXTENDED" : request.upgradePolicy().supportType();
            Checks.oneOf(supportType, "upgradePolicy.supportType", Set.of("STANDARD", "EXTENDED"));
            AccessConfig access = accessConfig(request.accessConfig());
            Cluster cluster = new Cluster(name, Arns.cluster(region, name), ctx.now(), version.version(), null,
                    request.roleArn(), vpc, request.kubernetesNetworkConfig(), request.logging(),
                    new Cluster.Identity(new Cluster.Oidc("https://oidc.eks." + region + ".amazonaws.com/id/"
                            + id.replace("-", "").toUpperCase())),
                    CREATING, null, request.clientRequestToken(), version.platformVersion(),
                    request.tags() == null ? Map.of() : request.tags(), request.encryptionConfig(), id,
                    Health.HEALTHY, request.outpostConfig(), access, new UpgradePolicy(supportType),
                    request.zonalShiftConfig(), request.remoteNetworkConfig(), request.computeConfig(),
                    request.storageConfig(), Boolean.TRUE.equals(request.deletionProtection()),
                    request.controlPlaneScalingConfig(), request.kubeApiServerConfig(),
                    request.kubeSchedulerConfig(), request.kubeControllerManagerConfig());
            ClusterState state = new ClusterState(region, cluster, ctx.now().plus(ctx.durations().clusterCreate()),
                    null);
            ctx.store().put(state);
            insights.refresh(region, name, version.version());
            Idempotency.remember(ctx.store(), "CreateCluster", region, "-", request.clientRequestToken(), request,
                    name);
            after.then(() -> scheduleTransition(state));
            return cluster;
        });
    }

    private static AccessConfig accessConfig(AccessConfig requested) {
        String mode = requested == null || requested.authenticationMode() == null ? "CONFIG_MAP"
                : requested.authenticationMode();
        Checks.oneOf(mode, "accessConfig.authenticationMode", Set.of("CONFIG_MAP", "API_AND_CONFIG_MAP", "API"));
        boolean bootstrap = requested == null || requested.bootstrapClusterCreatorAdminPermissions() == null
                || requested.bootstrapClusterCreatorAdminPermissions();
        return new AccessConfig(bootstrap, mode);
    }

    public Cluster describe(String region, String name) {
        return ctx.store().read(() -> find(region, name).cluster());
    }

    public Page<String> list(String region, Integer maxResults, String nextToken) {
        List<String> names = ctx.store().read(() ->
                ctx.store().clusters(region).stream().map(ClusterState::name).toList());
        return Page.of(names, maxResults, nextToken, 100);
    }

    public Cluster delete(String region, String name) {
        return ctx.store().write(after -> {
            ClusterState state = find(region, name);
            Cluster cluster = state.cluster();
            if (DELETING.equals(cluster.status())) {
                return cluster;
            }
            if (!ctx.store().nodegroups(region, name).isEmpty()) {
                throw EksError.resourceInUse("Cluster has nodegroups attached").with("clusterName", name);
            }
            if (!ctx.store().fargateProfiles(region, name).isEmpty()) {
                throw EksError.resourceInUse("Cluster has fargate profiles attached").with("clusterName", name);
            }
            if (UPDATING.equals(cluster.status())) {
                throw EksError.resourceInUse("Cluster " + name + " has an update in progress")
                        .with("clusterName", name);
            }
            if (ACTIVE.equals(cluster.status()) && cluster.isProtectedFromDeletion()) {
                throw EksError.invalidRequest("Cannot delete cluster " + name + " because deletion protection is "
                        + "enabled. Disable deletion protection with UpdateClusterConfig first.")
                        .with("clusterName", name);
            }
            ClusterState deleting = state.with(cluster.withStatus(DELETING),
                    ctx.now().plus(ctx.durations().clusterDelete()));
            ctx.store().put(deleting);
            after.then(() -> scheduleTransition(deleting));
            return deleting.cluster();
        });
    }

    /** The cluster, or EKS's not-found error; inside a read or write. */
    ClusterState find(String region, String name) {
        return find(ctx, region, name);
    }

    static ClusterState find(EksContext ctx, String region, String name) {
        return ctx.store().cluster(region, name).orElseThrow(() -> notFound(name));
    }

    static EksError notFound(String name) {
        return EksError.resourceNotFound("No cluster found for name: " + name + ".").with("clusterName", name);
    }

    /**
     * After a restart: a cluster with a control plane gets its Kubernetes API server back (the Kubernetes
     * emulator keeps no state), and a CREATING or DELETING one resumes its transition.
     */
    public void restore(ClusterState state) {
        scheduleTransition(state);
        if (state.cluster().endpoint() == null) {
            return;
        }
        String endpoint = ctx.apiServers().open(state.name(), state.cluster().version());
        ctx.store().write(after -> {
            ctx.store().cluster(state.region(), state.name()).ifPresent(c -> ctx.store().put(
                    c.with(c.cluster().withControlPlane(endpoint, c.cluster().certificateAuthority()))));
            return null;
        });
        updates.watchSupport(state);
    }

    /** Schedules the end of a CREATING or DELETING cluster. */
    public void scheduleTransition(ClusterState state) {
        String region = state.region();
        String name = state.name();
        if (CREATING.equals(state.cluster().status())) {
            ctx.clock().schedule(state.dueAt(), () -> finishCreate(region, name));
        } else if (DELETING.equals(state.cluster().status())) {
            ctx.clock().schedule(state.dueAt(), () -> finishDelete(region, name));
        }
    }

    private void finishCreate(String region, String name) {
        var creating = ctx.store().read(() -> ctx.store().cluster(region, name)
                .filter(c -> CREATING.equals(c.cluster().status())));
        if (creating.isEmpty()) {
            return;
        }
        var failure = ctx.store().write(after -> ctx.store().takeArmedFailure(region, name, null));
        if (failure.isPresent()) {
            ctx.store().write(after -> {
                ctx.store().cluster(region, name).filter(c -> CREATING.equals(c.cluster().status()))
                        .ifPresent(c -> ctx.store().put(c.with(c.cluster().withStatus(FAILED).withHealth(
                                Health.of(failure.get().errorCode(), failure.get().errorMessage(),
                                        List.of(name))), null)));
                return null;
            });
            return;
        }
        // The API server comes up before the cluster reports ACTIVE, so ACTIVE always comes with an endpoint.
        String endpoint = ctx.apiServers().open(name, creating.get().cluster().version());
        boolean stillWanted = ctx.store().write(after -> {
            var current = ctx.store().cluster(region, name).filter(c -> CREATING.equals(c.cluster().status()));
            current.ifPresent(c -> {
                ClusterState active = c.with(c.cluster().withStatus(ACTIVE)
                        .withControlPlane(endpoint, new Cluster.Certificate(CERTIFICATE_AUTHORITY)), null);
                ctx.store().put(active);
                after.then(() -> updates.watchSupport(active));
            });
            return current.isPresent();
        });
        if (!stillWanted) {
            ctx.apiServers().close(name);
        }
    }

    private void finishDelete(String region, String name) {
        boolean removed = ctx.store().write(after -> {
            var deleting = ctx.store().cluster(region, name).filter(c -> DELETING.equals(c.cluster().status()));
            deleting.ifPresent(c -> ctx.store().removeCluster(region, name));
            return deleting.isPresent();
        });
        if (removed) {
            ctx.apiServers().close(name);
        }
    }
}
