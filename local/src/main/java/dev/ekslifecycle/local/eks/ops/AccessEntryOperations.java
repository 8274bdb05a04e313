package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.eks.model.AccessEntry;
import dev.ekslifecycle.local.eks.model.Cluster;
import dev.ekslifecycle.local.eks.state.AccessEntryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Access entries (clusters in the API authentication modes only) and the EKS access policies associated. */
public final class AccessEntryOperations {

    private static final String POLICY_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";
    private static final Set<String> TYPES = Set.of("STANDARD", "FARGATE_LINUX", "EC2_LINUX", "EC2_WINDOWS", "EC2",
            "HYBRID_LINUX", "HYPERPOD_LINUX");

    private final EksContext ctx;
    private final ClusterOperations clusters;

    public AccessEntryOperations(EksContext ctx, ClusterOperations clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    public record CreateAccessEntry(String principalArn, List<String> kubernetesGroups, Map<String, String> tags,
                                    String clientRequestToken, String username, String type) {
    }

    public record AssociateAccessPolicy(String policyArn, JsonNode accessScope) {
    }

    /** AssociateAccessPolicy's answer. */
    public record Association(String clusterName, String principalArn,
                              AccessEntry.AssociatedAccessPolicy associatedAccessPolicy) {
    }

    public AccessEntry create(String region, String clusterName, CreateAccessEntry r) {
        return ctx.store().write(after -> {
            var replayed = Idempotency.replay(ctx.store(), "CreateAccessEntry", region, clusterName,
                    r.clientRequestToken(), r);
            if (replayed.isPresent()) {
                return ctx.store().accessEntry(region, clusterName, replayed.get()).orElseThrow().entry();
            }
            Cluster cluster = clusters.find(region, clusterName).cluster();
            if (!cluster.accessConfig().allowsAccessEntries()) {
                throw EksError.invalidRequest("The cluster's authentication mode must be set to one of [API, "
                        + "API_AND_CONFIG_MAP] to perform this operation.").with("clusterName", clusterName);
            }
            String principal = Checks.required(r.principalArn(), "principalArn");
            if (!principal.matches("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+")) {
                throw EksError.invalidParameter("The principalArn " + principal + " is not an IAM role or user ARN");
            }
            String type = r.type() == null ? "STANDARD" : r.type();
            Checks.oneOf(type, "type", TYPES);
            List<String> groups = r.kubernetesGroups() == null ? List.of() : r.kubernetesGroups();
            groups.stream().filter(g -> g.startsWith("system:")).findFirst().ifPresent(g -> {
                throw EksError.invalidParameter("The kubernetes group " + g + " is invalid: the system: prefix is "
                        + "reserved");
            });
            if (ctx.store().accessEntry(region, clusterName, principal).isPresent()) {
                throw EksError.resourceInUse("The specified access entry resource is already in use on this "
                        + "cluster.").with("clusterName", clusterName);
            }
            AccessEntry entry = new AccessEntry(clusterName, principal, groups,
                    Arns.accessEntry(region, clusterName, principal), ctx.now(), ctx.now(),
                    r.tags() == null ? Map.of() : r.tags(), r.username() != null ? r.username()
                    : defaultUsername(principal), type);
            ctx.store().put(new AccessEntryState(region, entry, List.of()));
            Idempotency.remember(ctx.store(), "CreateAccessEntry", region, clusterName, r.clientRequestToken(), r,
                    principal);
            return entry;
        });
    }

    /** A role's sessions map to its assumed-role ARN with the session name, as EKS names them. */
    private static String defaultUsername(String principalArn) {
        if (!principalArn.contains(":role/")) {
            return principalArn;
        }
        String account = principalArn.split(":")[4];
        String role = principalArn.substring(principalArn.lastIndexOf('/') + 1);
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/{{SessionName}}";
    }

    public Association associatePolicy(String region, String clusterName, String principalArn,
                                       AssociateAccessPolicy r) {
        return ctx.store().write(after -> {
            clusters.find(region, clusterName);
            AccessEntryState state = ctx.store().accessEntry(region, clusterName, principalArn).orElseThrow(() ->
                    EksError.resourceNotFound("The specified principalArn could not be found. You can view your "
                            + "available access entries with 'list-access-entries'.").with("clusterName", clusterName));
            String policy = Checks.required(r.policyArn(), "policyArn");
            if (!policy.startsWith(POLICY_PREFIX)) {
                throw EksError.invalidParameter("The policyArn " + policy + " is not an EKS access policy");
            }
            JsonNode scope = r.accessScope();
            String scopeType = scope == null ? null : scope.path("type").asText(null);
            Checks.oneOf(Checks.required(scopeType, "accessScope.type"), "accessScope.type",
                    Set.of("cluster", "namespace"));
            if ("namespace".equals(scopeType) && scope.path("namespaces").isEmpty()) {
                throw EksError.invalidParameter("accessScope.namespaces is required for a namespace scope");
            }
            List<AccessEntry.AssociatedAccessPolicy> policies = new ArrayList<>();
            var previous = state.policies().stream().filter(p -> p.policyArn().equals(policy)).findFirst();
            state.policies().stream().filter(p -> !p.policyArn().equals(policy)).forEach(policies::add);
            var association = new AccessEntry.AssociatedAccessPolicy(policy, scope,
                    previous.map(AccessEntry.AssociatedAccessPolicy::associatedAt).orElse(ctx.now()), ctx.now());
            policies.add(association);
            ctx.store().put(new AccessEntryState(region, state.entry(), policies));
            return new Association(clusterName, principalArn, association);
        });
    }

    /** The principals with an entry, optionally only those with {@code associatedPolicyArn}. */
    public Page<String> list(String region, String clusterName, String associatedPolicyArn, Integer maxResults,
                             String nextToken) {
        List<String> principals = ctx.store().read(() -> {
            clusters.find(region, clusterName);
            return ctx.store().accessEntries(region, clusterName).stream()
                    .filter(a -> associatedPolicyArn == null || a.policies().stream()
                            .anyMatch(p -> p.policyArn().equals(associatedPolicyArn)))
                    .map(a -> a.entry().principalArn()).toList();
        });
        return Page.of(principals, maxResults, nextToken, 100);
    }
}
