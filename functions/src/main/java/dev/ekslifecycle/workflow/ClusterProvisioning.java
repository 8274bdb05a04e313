package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.AccessEntrySpec;
import dev.ekslifecycle.domain.AddonSpec;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.FargateProfileSpec;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.eks.EksCluster;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.eks.EksNodegroup;
import dev.ekslifecycle.eks.ObservedAddon;
import dev.ekslifecycle.errors.AddonFailedException;
import dev.ekslifecycle.errors.ClusterNotManagedException;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.OperationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The EKS-facing steps of the create workflow. Each step is safe to repeat: it looks at what EKS has, adopts what
 * is already there and ours, and creates only what is missing, with a client request token derived from the
 * operation. The desired spec is read from the cluster record, the one source of truth.
 */
public final class ClusterProvisioning {

    /** The access policy our own role gets, so later workflows can cordon and drain nodes. */
    static final String LIFECYCLE_ACCESS_POLICY = "AmazonEKSClusterAdminPolicy";
    private static final Set<String> ADDON_SETTLED = Set.of("ACTIVE", "DEGRADED");

    private final ClusterStore clusters;
    private final EksGateway eks;
    private final AuditTrail audit;
    private final ObservedStateRecorder observed;
    private final String lifecycleRoleArn;

    /** {@code lifecycleRoleArn}: eks-lifecycle's own role, given cluster access (null: none is granted). */
    public ClusterProvisioning(ClusterStore clusters, OperationStore operations, EksGateway eks,
                               String lifecycleRoleArn) {
        this.clusters = clusters;
        this.eks = eks;
        this.audit = new AuditTrail(operations);
        this.observed = new ObservedStateRecorder(clusters, eks);
        this.lifecycleRoleArn = lifecycleRoleArn;
    }

    /** What the later steps iterate over: the names of the node groups and Fargate profiles to create. */
    public record Plan(List<String> nodegroups, List<String> fargateProfiles) {
    }

    /**
     * Creates the control plane, or adopts one that an earlier attempt created.
     *
     * @throws ClusterNotManagedException when a cluster of that name exists without our tag
     */
    public Plan ensureCluster(StepInput input) {
        ClusterSpec spec = desired(input);
        Optional<EksCluster> existing = eks.describeCluster(spec.name());
        if (existing.isPresent()) {
            if (!existing.get().managedByUs()) {
                throw new ClusterNotManagedException("an EKS cluster named " + spec.name()
                        + " exists and was not created by eks-lifecycle; it is left alone");
            }
            audit.record(input, "AdoptCluster", "control plane already exists (" + existing.get().status()
                    + "), adopted");
        } else {
            eks.createCluster(spec, RequestTokens.of(input.operationId(), "cluster"));
            audit.record(input, "CreateCluster", "EKS asked to create control plane " + spec.version());
        }
        observed.recordStatus(spec.name(), ClusterStatus.CREATING);
        return new Plan(spec.nodegroups().stream().map(NodeGroupSpec::name).toList(),
                spec.fargateProfiles().stream().map(FargateProfileSpec::name).toList());
    }

    public void ensureNodegroup(StepInput input) {
        ClusterSpec spec = desired(input);
        NodeGroupSpec ng = spec.nodegroups().stream().filter(n -> n.name().equals(input.nodegroup())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the spec of " + spec.name()
                        + " has no node group " + input.nodegroup()));
        Optional<EksNodegroup> existing = eks.describeNodegroup(spec.name(), ng.name());
        if (existing.isPresent()) {
            audit.record(input, "AdoptNodegroup", ng.name() + " already exists (" + existing.get().status() + ")");
            return;
        }
        eks.createNodegroup(spec, ng, RequestTokens.of(input.operationId(), "nodegroup/" + ng.name()));
        audit.record(input, "CreateNodegroup", ng.name() + ": " + ng.desiredSize() + " nodes of "
                + (ng.instanceTypes().isEmpty() ? "EKS's default type" : String.join(",", ng.instanceTypes())));
    }

    public void ensureFargateProfile(StepInput input) {
        ClusterSpec spec = desired(input);
        FargateProfileSpec profile = spec.fargateProfiles().stream()
                .filter(p -> p.name().equals(input.fargateProfile())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the spec of " + spec.name()
                        + " has no Fargate profile " + input.fargateProfile()));
        Optional<String> status = eks.fargateProfileStatus(spec.name(), profile.name());
        if (status.isPresent()) {
            audit.record(input, "AdoptFargateProfile", profile.name() + " already exists (" + status.get() + ")");
            return;
        }
        eks.createFargateProfile(spec, profile, RequestTokens.of(input.operationId(), "fargate/" + profile.name()));
        audit.record(input, "CreateFargateProfile", profile.name());
    }

    /** Creates each add-on of the spec that EKS does not have yet, at its pinned or default version. */
    public List<String> ensureAddons(StepInput input) {
        ClusterSpec spec = desired(input);
        Set<String> present = eks.listAddons(spec.name()).stream().map(ObservedAddon::name)
                .collect(Collectors.toSet());
        List<String> created = new ArrayList<>();
        for (AddonSpec addon : spec.addons()) {
            if (present.contains(addon.name())) {
                continue;
            }
            String version = addon.version() != null ? addon.version()
                    : eks.defaultAddonVersion(addon.name(), spec.version().toString()).orElse(null);
            eks.createAddon(spec.name(), addon.name(), version,
                    RequestTokens.of(input.operationId(), "addon/" + addon.name()));
            created.add(addon.name() + (version == null ? "" : "@" + version));
        }
        audit.record(input, "EnsureAddons", created.isEmpty() ? "nothing to create" : "created " + created);
        return spec.addons().stream().map(AddonSpec::name).toList();
    }

    /**
     * True when every add-on of the spec is ACTIVE or DEGRADED (an add-on such as CoreDNS may wait for nodes).
     *
     * @throws AddonFailedException when EKS reports one as CREATE_FAILED
     */
    public boolean addonsSettled(StepInput input) {
        ClusterSpec spec = desired(input);
        Map<String, String> status = eks.listAddons(spec.name()).stream()
                .collect(Collectors.toMap(ObservedAddon::name, ObservedAddon::status));
        for (AddonSpec addon : spec.addons()) {
            String s = status.get(addon.name());
            if ("CREATE_FAILED".equals(s)) {
                throw new AddonFailedException("add-on " + addon.name() + " of " + spec.name() + " is CREATE_FAILED");
            }
            if (s == null || !ADDON_SETTLED.contains(s)) {
                return false;
            }
        }
        return true;
    }

    /** Grants the spec's principals and eks-lifecycle's own role access; entries that exist are left as they are. */
    public void ensureAccessEntries(StepInput input) {
        ClusterSpec spec = desired(input);
        List<AccessEntrySpec> wanted = new ArrayList<>(spec.accessEntries());
        if (lifecycleRoleArn != null && !lifecycleRoleArn.isBlank()) {
            wanted.add(new AccessEntrySpec(lifecycleRoleArn, LIFECYCLE_ACCESS_POLICY));
        }
        Set<String> present = Set.copyOf(eks.listAccessEntries(spec.name()));
        List<String> granted = new ArrayList<>();
        for (AccessEntrySpec entry : wanted) {
            if (!present.contains(entry.principalArn())) {
                eks.grantAccess(spec.name(), entry,
                        RequestTokens.of(input.operationId(), "access/" + entry.principalArn()));
                granted.add(entry.principalArn());
            }
        }
        audit.record(input, "EnsureAccessEntries", granted.isEmpty() ? "nothing to grant" : "granted " + granted);
    }

    private ClusterSpec desired(StepInput input) {
        return clusters.get(input.clusterName()).desired();
    }
}
