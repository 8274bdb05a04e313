package dev.ekslifecycle.local.eks;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.eks.api.EksApiEndpoint;
import dev.ekslifecycle.local.eks.api.EksRoutes;
import dev.ekslifecycle.local.eks.catalog.AddonCatalog;
import dev.ekslifecycle.local.eks.catalog.VersionCatalog;
import dev.ekslifecycle.local.eks.control.EksControlEndpoint;
import dev.ekslifecycle.local.eks.control.EksControls;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.model.Insight;
import dev.ekslifecycle.local.eks.model.Nodegroup;
import dev.ekslifecycle.local.eks.ops.AccessEntryOperations;
import dev.ekslifecycle.local.eks.ops.AddonOperations;
import dev.ekslifecycle.local.eks.ops.AddonVersionQueries;
import dev.ekslifecycle.local.eks.ops.ClusterOperations;
import dev.ekslifecycle.local.eks.ops.ClusterUpdates;
import dev.ekslifecycle.local.eks.ops.EksContext;
import dev.ekslifecycle.local.eks.ops.FargateOperations;
import dev.ekslifecycle.local.eks.ops.InsightOperations;
import dev.ekslifecycle.local.eks.ops.NodegroupOperations;
import dev.ekslifecycle.local.eks.ops.NodegroupUpdates;
import dev.ekslifecycle.local.eks.ops.TagOperations;
import dev.ekslifecycle.local.eks.ops.VersionQueries;
import dev.ekslifecycle.local.eks.state.ArmedFailure;
import dev.ekslifecycle.local.eks.state.EksState;
import dev.ekslifecycle.local.eks.state.EksStore;
import dev.ekslifecycle.local.eks.state.StateFile;
import dev.ekslifecycle.local.eks.state.UpdateState;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import java.util.List;

/**
 * The EKS emulator: its restJson1 endpoint for the edge port, and the Java face of its fault controls. It owns
 * clusters, node groups and their updates; the compute emulators behind {@link SubnetDirectory},
 * {@link NodeGroupFleet} and {@link ClusterApiServers} own subnets, instances, nodes and the Kubernetes APIs.
 *
 * <p>With a data directory in the settings it saves its state after every change and, when constructed again on
 * the same directory, picks up where it stopped: transitions resume from their saved end times.
 */
public final class EksEmulator implements EksControls {

    private final EksStore store;
    private final EksRoutes.Operations operations;
    private final EksApiEndpoint apiEndpoint;
    private final EksControlEndpoint controlEndpoint;

    public EksEmulator(SimulationClock clock, FaultInjector faults, SubnetDirectory subnets, NodeGroupFleet fleet,
                       ClusterApiServers apiServers, EksSettings settings) {
        this.store = new EksStore(settings.dataDirectory() == null ? null : new StateFile(settings.dataDirectory()));
        EksContext ctx = new EksContext(clock, store, subnets, fleet, apiServers, settings, VersionCatalog.eks(),
                AddonCatalog.eks());
        InsightOperations insights = new InsightOperations(ctx);
        ClusterUpdates clusterUpdates = new ClusterUpdates(ctx, insights);
        ClusterOperations clusters = new ClusterOperations(ctx, insights, clusterUpdates);
        NodegroupOperations nodegroups = new NodegroupOperations(ctx, clusters);
        this.operations = new EksRoutes.Operations(clusters, clusterUpdates,
                nodegroups, new NodegroupUpdates(ctx, clusters, nodegroups), insights, new VersionQueries(ctx),
                new FargateOperations(ctx, clusters), new AddonOperations(ctx, clusters),
                new AddonVersionQueries(ctx), new AccessEntryOperations(ctx, clusters), new TagOperations(ctx));
        this.apiEndpoint = new EksApiEndpoint(operations, faults);
        this.controlEndpoint = new EksControlEndpoint(this);
        resume(store.load());
    }

    /**
     * Restarts what was under way when the state was saved: clusters first (their API servers), then updates
     * (a fleet-driven one ends now), then node groups (their fleets are launched again).
     */
    private void resume(EksState saved) {
        saved.clusters().forEach(operations.clusters()::restore);
        saved.fargateProfiles().forEach(operations.fargateProfiles()::scheduleTransition);
        saved.addons().forEach(operations.addons()::scheduleTransition);
        for (UpdateState update : saved.updates()) {
            if (!update.update().inProgress()) {
                continue;
            }
            if (update.nodegroupName() != null) {
                operations.nodegroupUpdates().resume(update);
            } else if (update.addonName() != null) {
                operations.addons().schedule(update);
            } else {
                operations.clusterUpdates().schedule(update);
            }
        }
        store.snapshot().nodegroups().forEach(operations.nodegroups()::restore);
    }

    /** The restJson1 API, to add to the edge port. */
    public Endpoint apiEndpoint() {
        return apiEndpoint;
    }

    /** The control routes under {@code /_local/eks/}: fail the next update, set insights. */
    public Endpoint controlEndpoint() {
        return controlEndpoint;
    }

    /** Sets an insight finding on a cluster, as EKS's own checks would (for example deprecated API usage). */
    @Override
    public Insight setInsight(String region, String clusterName, InsightOperations.Finding finding) {
        return operations.insights().set(region, clusterName, finding);
    }

    /** Sets a node group's health issues: with issues an ACTIVE group is DEGRADED, without them ACTIVE again. */
    @Override
    public Nodegroup setNodegroupHealth(String region, String clusterName, String nodegroupName,
                                        List<Health.Issue> issues) {
        return operations.nodegroups().setHealth(region, clusterName, nodegroupName, issues);
    }

    /**
     * Makes the next create or update of a cluster ({@code nodegroupName} null) or of one of its node groups fail
     * with an EKS error code such as {@code NodeCreationFailure} or {@code PodEvictionFailure}.
     */
    @Override
    public void failNext(String region, String clusterName, String nodegroupName, String errorCode, String message) {
        store.write(after -> {
            store.arm(new ArmedFailure(region, clusterName, nodegroupName, errorCode,
                    message != null ? message : "Injected failure: " + errorCode));
            return null;
        });
    }
}
