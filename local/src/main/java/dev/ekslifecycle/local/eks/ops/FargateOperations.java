package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.eks.SubnetDirectory;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.model.FargateProfile;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.state.FargateProfileState;
import java.util.List;
import java.util.Map;

/**
 * Fargate profiles: immutable, on private subnets only, and one at a time in a cluster may be CREATING or
 * DELETING.
 */
public final class FargateOperations {

    private static final int MAX_SELECTORS = 5;

    private final EksContext ctx;
    private final ClusterOperations clusters;

    public FargateOperations(EksContext ctx, ClusterOperations clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    /** The body of CreateFargateProfile. */
    public record CreateFargateProfile(String fargateProfileName, String podExecutionRoleArn, List<String> subnets,
                                       List<JsonNode> selectors, String clientRequestToken,
                                       Map<String, String> tags) {
    }

    public FargateProfile create(String region, String clusterName, CreateFargateProfile r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "CreateFargateProfile", region, clusterName,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return find(region, clusterName, replayed.get()).profile();
            }
            Cluster cluster = clusters.find(region, clusterName).cluster();
            String name = Checks.name(r.fargateProfileName(), "fargateProfileName");
            Checks.required(r.podExecutionRoleArn(), "podExecutionRoleArn");
            if (!ClusterOperations.ACTIVE.equals(cluster.status())) {
                throw EksError.invalidRequest("Cluster '" + clusterName + "' is not in ACTIVE status")
                        .with("clusterName", clusterName);
            }
            List<FargateProfileState> existing = ctx.store().fargateProfiles(region, clusterName);
            if (existing.stream().anyMatch(f -> f.profile().fargateProfileName().equals(name))) {
                throw EksError.resourceInUse("A Fargate Profile already exists with this name in this cluster.")
                        .with("clusterName", clusterName).with("fargateProfileName", name);
            }
            busyProfile(existing).ifPresent(busy -> {
                throw EksError.resourceInUse("Fargate profile " + busy.fargateProfileName() + " is "
                        + busy.status() + "; only one Fargate profile in a cluster can be created or deleted at a "
                        + "time").with("clusterName", clusterName).with("fargateProfileName", name);
            });
            if (existing.size() >= ctx.settings().quotas().fargateProfilesPerCluster()) {
                throw EksError.limitExceeded("Fargate profile limit exceeded for cluster " + clusterName)
                        .with("clusterName", clusterName);
            }
            List<JsonNode> selectors = Checks.requiredNonEmpty(r.selectors(), "selectors");
            if (selectors.size() > MAX_SELECTORS) {
                throw EksError.invalidParameter("A Fargate profile has at most " + MAX_SELECTORS + " selectors");
            }
            selectors.forEach(s -> Checks.required(s.path("namespace").asText(null), "selectors.namespace"));
            List<String> subnets = r.subnets() == null || r.subnets().isEmpty()
                    ? privateOnes(cluster.resourcesVpcConfig().subnetIds()) : r.subnets();
            ClusterChecks.subnets(ctx.subnets(), subnets).stream().filter(SubnetDirectory.Subnet::publicSubnet)
                    .findFirst().ifPresent(s -> {
                        throw EksError.invalidParameter("Subnet " + s.subnetId()
                                + " provided in Fargate Profile is not a private subnet");
                    });
            FargateProfileState state = new FargateProfileState(region, new FargateProfile(name,
                    Arns.fargateProfile(region, clusterName, name), clusterName, ctx.now(), r.podExecutionRoleArn(),
                    List.copyOf(subnets), List.copyOf(selectors), ClusterOperations.CREATING,
                    r.tags() == null ? Map.of() : r.tags(), Health.HEALTHY),
                    ctx.now().plus(ctx.durations().fargateProfileCreate()));
            ctx.store().put(state);
            Idempotency.remember(ctx.store(), "CreateFargateProfile", region, clusterName, r.clientRequestToken(),
                    r, name);
            after.then(() -> scheduleTransition(state));
            return state.profile();
        });
    }

    private List<String> privateOnes(List<String> subnetIds) {
        return subnetIds.stream().filter(id -> ctx.subnets().find(id).map(s -> !s.publicSubnet()).orElse(false))
                .toList();
    }

    private static java.util.Optional<FargateProfile> busyProfile(List<FargateProfileState> profiles) {
        return profiles.stream().map(FargateProfileState::profile)
                .filter(p -> ClusterOperations.CREATING.equals(p.status())
                        || ClusterOperations.DELETING.equals(p.status()))
                .findFirst();
    }

    public FargateProfile describe(String region, String cluster, String name) {
        return ctx.store().read(() -> find(region, cluster, name).profile());
    }

    public Page<String> list(String region, String cluster, Integer maxResults, String nextToken) {
        List<String> names = ctx.store().read(() -> {
            clusters.find(region, cluster);
            return ctx.store().fargateProfiles(region, cluster).stream()
                    .map(f -> f.profile().fargateProfileName()).toList();
        });
        return Page.of(names, maxResults, nextToken, 100);
    }

    public FargateProfile delete(String region, String cluster, String name) {
        return ctx.store().write(after -> {
            FargateProfileState state = find(region, cluster, name);
            if (ClusterOperations.DELETING.equals(state.profile().status())) {
                return state.profile();
            }
            busyProfile(ctx.store().fargateProfiles(region, cluster)).ifPresent(busy -> {
                throw EksError.resourceInUse("Fargate profile " + busy.fargateProfileName() + " is "
                        + busy.status() + "; wait for it before deleting another").with("clusterName", cluster)
                        .with("fargateProfileName", name);
            });
            FargateProfileState deleting = new FargateProfileState(region,
                    state.profile().withStatus(ClusterOperations.DELETING),
                    ctx.now().plus(ctx.durations().fargateProfileDelete()));
            ctx.store().put(deleting);
            after.then(() -> scheduleTransition(deleting));
            return deleting.profile();
        });
    }

    /** Schedules the end of a CREATING or DELETING profile; also used to resume one after a restart. */
    public void scheduleTransition(FargateProfileState state) {
        String region = state.region();
        String cluster = state.profile().clusterName();
        String name = state.profile().fargateProfileName();
        Transitions.scheduleEnd(ctx, state.dueAt(), state.profile().status(),
                () -> ctx.store().fargateProfile(region, cluster, name).map(f -> f.profile().status()),
                () -> ctx.store().removeFargateProfile(region, cluster, name),
                () -> ctx.store().fargateProfile(region, cluster, name).ifPresent(f -> ctx.store().put(
                        new FargateProfileState(region, f.profile().withStatus(ClusterOperations.ACTIVE), null))));
    }

    FargateProfileState find(String region, String cluster, String name) {
        clusters.find(region, cluster);
        return ctx.store().fargateProfile(region, cluster, name).orElseThrow(() ->
                EksError.resourceNotFound("No Fargate Profile found with name: " + name + ".")
                        .with("clusterName", cluster).with("fargateProfileName", name));
    }
}
