package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.catalog.AddonCatalog;
import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.Addon;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.model.Update;
import dev.ekslifecycle.local.eks.state.AddonState;
import dev.ekslifecycle.local.eks.state.UpdateState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EKS add-ons: CreateAddon, DescribeAddon, ListAddons, UpdateAddon, DeleteAddon. A version must be one the catalog
 * offers for the cluster's Kubernetes version; creating, updating and deleting each take {@code addonChange}.
 */
public final class AddonOperations {

    private static final Set<String> RESOLVE_CONFLICTS = Set.of("OVERWRITE", "NONE", "PRESERVE");

    private final EksContext ctx;
    private final ClusterOperations clusters;

    public AddonOperations(EksContext ctx, ClusterOperations clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    public record CreateAddon(String addonName, String addonVersion, String serviceAccountRoleArn,
                              String resolveConflicts, String clientRequestToken, Map<String, String> tags,
                              String configurationValues, JsonNode podIdentityAssociations,
                              JsonNode namespaceConfig) {
    }

    public record UpdateAddon(String addonVersion, String serviceAccountRoleArn, String resolveConflicts,
                              String clientRequestToken, String configurationValues,
                              JsonNode podIdentityAssociations) {
    }

    public Addon create(String region, String clusterName, CreateAddon r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "CreateAddon", region, clusterName,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return find(region, clusterName, replayed.get()).addon();
            }
            Cluster cluster = clusters.find(region, clusterName).cluster();
            String name = Checks.required(r.addonName(), "addonName");
            Checks.oneOf(r.resolveConflicts(), "resolveConflicts", RESOLVE_CONFLICTS);
            if (ctx.store().addon(region, clusterName, name).isPresent()) {
                throw EksError.resourceInUse("Addon already exists: " + name).with("clusterName", clusterName)
                        .with("addonName", name);
            }
            String version = compatibleVersion(cluster, name, r.addonVersion());
            AddonState state = new AddonState(region, new Addon(name, clusterName, ClusterOperations.CREATING,
                    version, Health.HEALTHY, Arns.addon(region, clusterName, name), ctx.now(), ctx.now(),
                    r.serviceAccountRoleArn(), r.tags() == null ? Map.of() : r.tags(), "eks", "aws",
                    r.configurationValues() == null ? "" : r.configurationValues(), r.namespaceConfig()),
                    ctx.now().plus(ctx.durations().addonChange()));
            ctx.store().put(state);
            Idempotency.remember(ctx.store(), "CreateAddon", region, clusterName, r.clientRequestToken(), r, name);
            after.then(() -> scheduleTransition(state));
            return state.addon();
        });
    }

    /** The version to install: the one asked for if the cluster's Kubernetes supports it, else the default. */
    private String compatibleVersion(Cluster cluster, String name, String asked) {
        int minor = KubernetesVersion.minorOf(cluster.version());
        AddonCatalog.AddonDefinition definition = ctx.addons().find(name).orElseThrow(() ->
                EksError.invalidParameter("Addon " + name + " specified is not supported in " + cluster.version()
                        + " cluster").with("clusterName", cluster.name()).with("addonName", name));
        if (asked == null) {
            return definition.defaultFor(minor).orElseThrow(() -> EksError.invalidParameter("Addon " + name
                    + " has no version for Kubernetes " + cluster.version())).addonVersion();
        }
        AddonCatalog.AddonVersion version = definition.version(asked).orElseThrow(() ->
                EksError.invalidParameter("Addon version specified is not supported: " + asked)
                        .with("addonName", name));
        if (!version.supports(minor)) {
            throw EksError.invalidParameter("Addon version " + asked + " of " + name
                    + " is not compatible with Kubernetes " + cluster.version()).with("clusterName", cluster.name())
                    .with("addonName", name);
        }
        return asked;
    }

    public Addon describe(String region, String cluster, String name) {
        return ctx.store().read(() -> find(region, cluster, name).addon());
    }

    public Page<String> list(String region, String cluster, Integer maxResults, String nextToken) {
        List<String> names = ctx.store().read(() -> {
            clusters.find(region, cluster);
            return ctx.store().addons(region, cluster).stream().map(a -> a.addon().addonName()).toList();
        });
        return Page.of(names, maxResults, nextToken, 100);
    }

    public Update update(String region, String clusterName, String name, UpdateAddon r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "UpdateAddon", region, clusterName + "/" + name,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return ctx.store().update(region, clusterName, replayed.get()).orElseThrow().update();
            }
            AddonState state = find(region, clusterName, name);
            Checks.oneOf(r.resolveConflicts(), "resolveConflicts", RESOLVE_CONFLICTS);
            if (ctx.store().updateInProgress(region, clusterName, null, name).isPresent()
                    || !Set.of("ACTIVE", "DEGRADED", "UPDATE_FAILED").contains(state.addon().status())) {
                throw EksError.resourceInUse("Addon " + name + " is " + state.addon().status()
                        + " and cannot be updated now").with("clusterName", clusterName).with("addonName", name);
            }
            Cluster cluster = clusters.find(region, clusterName).cluster();
            ObjectNode changes = EksJson.MAPPER.createObjectNode();
            List<Update.Param> params = new ArrayList<>();
            if (r.addonVersion() != null) {
                changes.put("addonVersion", compatibleVersion(cluster, name, r.addonVersion()));
                params.add(Updates.param("AddonVersion", r.addonVersion()));
            }
            if (r.serviceAccountRoleArn() != null) {
                changes.put("serviceAccountRoleArn", r.serviceAccountRoleArn());
                params.add(Updates.param("ServiceAccountRoleArn", r.serviceAccountRoleArn()));
            }
            if (r.configurationValues() != null) {
                changes.put("configurationValues", r.configurationValues());
                params.add(Updates.param("ConfigurationValues", r.configurationValues()));
            }
            if (r.resolveConflicts() != null) {
                params.add(Updates.param("ResolveConflicts", r.resolveConflicts()));
            }
            UpdateState update = Updates.start(ctx, Updates.Target.addon(region, clusterName, name), "AddonUpdate",
                    params, changes, ctx.now().plus(ctx.durations().addonChange()), null);
            ctx.store().put(new AddonState(region, state.addon().withStatus("UPDATING", ctx.now()), null));
            Idempotency.remember(ctx.store(), "UpdateAddon", region, clusterName + "/" + name,
                    r.clientRequestToken(), r, update.update().id());
            after.then(() -> schedule(update));
            return update.update();
        });
    }

    /** Schedules the end of an add-on update; also used to resume one after a restart. */
    public void schedule(UpdateState update) {
        ctx.clock().schedule(update.dueAt(), () -> ctx.store().write(after -> {
            var found = ctx.store().update(update.region(), update.clusterName(), update.update().id())
                    .filter(u -> u.update().inProgress());
            var addon = ctx.store().addon(update.region(), update.clusterName(), update.addonName());
            if (found.isPresent() && addon.isPresent()) {
                Updates.end(ctx, found.get(), null);
                Addon changed = EksJson.withMembers(addon.get().addon(), found.get().changes());
                ctx.store().put(new AddonState(update.region(), changed.withStatus(ClusterOperations.ACTIVE,
                        ctx.now()), null));
            }
            return null;
        }));
    }

    public Addon delete(String region, String cluster, String name) {
        return ctx.store().write(after -> {
            AddonState state = find(region, cluster, name);
            if (ClusterOperations.DELETING.equals(state.addon().status())) {
                return state.addon();
            }
            AddonState deleting = new AddonState(region, state.addon().withStatus(ClusterOperations.DELETING,
                    ctx.now()), ctx.now().plus(ctx.durations().addonChange()));
            ctx.store().put(deleting);
            after.then(() -> scheduleTransition(deleting));
            return deleting.addon();
        });
    }

    /** Schedules the end of a CREATING or DELETING add-on; also used to resume one after a restart. */
    public void scheduleTransition(AddonState state) {
        String region = state.region();
        String cluster = state.addon().clusterName();
        String name = state.addon().addonName();
        Transitions.scheduleEnd(ctx, state.dueAt(), state.addon().status(),
                () -> ctx.store().addon(region, cluster, name).map(a -> a.addon().status()),
                () -> ctx.store().removeAddon(region, cluster, name),
                () -> ctx.store().addon(region, cluster, name).ifPresent(a -> ctx.store().put(
                        new AddonState(region, a.addon().withStatus(ClusterOperations.ACTIVE, ctx.now()), null))));
    }

    AddonState find(String region, String cluster, String name) {
        clusters.find(region, cluster);
        return ctx.store().addon(region, cluster, name).orElseThrow(() ->
                EksError.resourceNotFound("No addon: " + name + " found in cluster: " + cluster)
                        .with("clusterName", cluster).with("addonName", name));
    }
}
