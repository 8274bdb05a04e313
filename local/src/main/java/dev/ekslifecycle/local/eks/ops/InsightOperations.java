package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.model.Insight;
import dev.ekslifecycle.local.eks.state.InsightState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cluster insights. EKS computes them from what the cluster sees; here each cluster starts with passing upgrade
 * checks for its next version, and tests or the control API set findings ({@link #set}).
 */
public final class InsightOperations {

    public static final Set<String> CATEGORIES = Set.of("UPGRADE_READINESS", "MISCONFIGURATION");
    private static final Set<String> STATUSES = Set.of("PASSING", "WARNING", "ERROR", "UNKNOWN");
    private static final List<String[]> UPGRADE_CHECKS = List.of(
            new String[] {"Deprecated APIs removed in Kubernetes v%s",
                "Checks for usage of deprecated APIs that are scheduled for removal in Kubernetes v%s."},
            new String[] {"Kubelet version skew",
                "Checks for kubelet versions of worker nodes in the cluster to see if upgrade would cause "
                        + "noncompliance with supported Kubernetes kubelet version skew policy."},
            new String[] {"EKS add-on version compatibility",
                "Checks version of installed EKS add-ons to ensure they are compatible with the next version of "
                        + "Kubernetes."});

    private final EksContext ctx;

    public InsightOperations(EksContext ctx) {
        this.ctx = ctx;
    }

    /** A finding to set: matched to an existing insight by name and Kubernetes version, or added. */
    public record Finding(String name, String category, String kubernetesVersion, String status, String reason,
                          String description, String recommendation, Map<String, String> additionalInfo) {
    }

    /**
     * Replaces the cluster's generated checks with passing ones for the version after {@code version}; findings
     * for versions the cluster has reached are dropped. Called inside a write.
     */
    void refresh(String region, String cluster, String version) {
        int minor = KubernetesVersion.minorOf(version);
        String next = KubernetesVersion.ofMinor(minor + 1);
        for (InsightState existing : ctx.store().insights(region, cluster)) {
            if (KubernetesVersion.minorOf(existing.insight().kubernetesVersion()) <= minor) {
                ctx.store().removeInsight(region, cluster, existing.insight().id());
            }
        }
        if (ctx.versions().find(next).isEmpty()) {
            return;
        }
        for (String[] check : UPGRADE_CHECKS) {
            Finding passing = new Finding(check[0].formatted(next), "UPGRADE_READINESS", next, "PASSING",
                    "No issues found.", check[1].formatted(next), "No action required.", Map.of());
            put(region, cluster, passing);
        }
    }

    /** Sets a finding on a cluster (the control API and tests use it). */
    public Insight set(String region, String cluster, Finding finding) {
        Checks.required(finding.name(), "name");
        Checks.required(finding.kubernetesVersion(), "kubernetesVersion");
        Checks.oneOf(Checks.required(finding.category(), "category"), "category", CATEGORIES);
        Checks.oneOf(Checks.required(finding.status(), "status"), "status", STATUSES);
        return ctx.store().write(after -> {
            ctx.store().cluster(region, cluster).orElseThrow(() -> ClusterOperations.notFound(cluster));
            return put(region, cluster, finding);
        });
    }

    private Insight put(String region, String cluster, Finding finding) {
        String id = UUID.nameUUIDFromBytes((region + "/" + cluster + "/" + finding.name() + "/"
                + finding.kubernetesVersion()).getBytes(StandardCharsets.UTF_8)).toString();
        var previous = ctx.store().insight(region, cluster, id).map(InsightState::insight);
        boolean transitioned = previous.isEmpty() || !previous.get().insightStatus().status().equals(finding.status());
        Insight insight = new Insight(id, finding.name(), finding.category(), finding.kubernetesVersion(),
                ctx.now(), transitioned ? ctx.now() : previous.get().lastTransitionTime(), finding.description(),
                new Insight.Status(finding.status(), finding.reason()), finding.recommendation(),
                finding.additionalInfo() == null ? Map.of() : finding.additionalInfo(), List.of(), null);
        ctx.store().put(new InsightState(region, cluster, insight));
        return insight;
    }

    /** ListInsights with its filter: categories, Kubernetes versions and statuses (empty lists match all). */
    public Page<Insight> list(String region, String cluster, List<String> categories, List<String> versions,
                              List<String> statuses, Integer maxResults, String nextToken) {
        List<Insight> matching = ctx.store().read(() -> {
            ctx.store().cluster(region, cluster).orElseThrow(() -> ClusterOperations.notFound(cluster));
            return ctx.store().insights(region, cluster).stream().map(InsightState::insight)
                    .filter(i -> matches(categories, i.category()) && matches(versions, i.kubernetesVersion())
                            && matches(statuses, i.insightStatus().status()))
                    .map(Insight::summary).toList();
        });
        return Page.of(matching, maxResults, nextToken, 100);
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted == null || wanted.isEmpty() || wanted.contains(value);
    }

    public Insight describe(String region, String cluster, String id) {
        return ctx.store().read(() -> {
            ctx.store().cluster(region, cluster).orElseThrow(() -> ClusterOperations.notFound(cluster));
            return ctx.store().insight(region, cluster, id).map(InsightState::insight).orElseThrow(() ->
                    EksError.resourceNotFound("No insight found for id: " + id).with("clusterName", cluster));
        });
    }

    /** The upgrade checks to {@code version} that fail; inside a read or write. */
    List<Insight> blockingUpgradeTo(String region, String cluster, String version) {
        return ctx.store().insights(region, cluster).stream().map(InsightState::insight)
                .filter(i -> "UPGRADE_READINESS".equals(i.category()) && version.equals(i.kubernetesVersion())
                        && i.isError())
                .toList();
    }
}
