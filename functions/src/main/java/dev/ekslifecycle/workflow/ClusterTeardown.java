package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.eks.EksCluster;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.eks.ObservedAddon;
import dev.ekslifecycle.errors.ClusterNotManagedException;
import dev.ekslifecycle.errors.DeletionProtectedException;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.OperationStore;
import java.util.List;
import java.util.Optional;

/**
 * The EKS-facing steps of the delete workflow, in EKS's order: Fargate profiles, node groups, add-ons, then the
 * cluster. Each step is safe to repeat: deleting what is already gone succeeds.
 */
public final class ClusterTeardown {

    private final EksGateway eks;
    private final AuditTrail audit;
    private final ObservedStateRecorder observed;

    public ClusterTeardown(ClusterStore clusters, OperationStore operations, EksGateway eks) {
        this.eks = eks;
        this.audit = new AuditTrail(operations);
        this.observed = new ObservedStateRecorder(clusters, eks);
    }

    /** What is left to delete. */
    public record Inventory(List<String> nodegroups, List<String> fargateProfiles) {
    }

    /**
     * Checks that the cluster is ours, lifts EKS's deletion protection when asked (the first audited step) and
     * lists what must go before the cluster itself.
     *
     * @throws ClusterNotManagedException when the cluster lacks our tag
     * @throws DeletionProtectedException when EKS protects it and the request did not ask to lift that
     */
    public Inventory prepare(StepInput input) {
        Optional<EksCluster> cluster = eks.describeCluster(input.clusterName());
        if (cluster.isEmpty()) {
            audit.record(input, "PrepareDelete", "EKS has no such cluster any more");
            return new Inventory(List.of(), List.of());
        }
        if (!cluster.get().managedByUs()) {
            throw new ClusterNotManagedException("EKS cluster " + input.clusterName()
                    + " was not created by eks-lifecycle; it is not deleted");
        }
        if (cluster.get().deletionProtection()) {
            if (!input.disableDeletionProtection()) {
                throw new DeletionProtectedException("EKS deletion protection is on for " + input.clusterName()
                        + "; ask with disableDeletionProtection=true to lift it");
            }
            eks.disableDeletionProtection(input.clusterName(),
                    RequestTokens.of(input.operationId(), "deletion-protection"));
            audit.record(input, "DisableDeletionProtection", "EKS deletion protection lifted as requested");
        }
        observed.recordStatus(input.clusterName(), ClusterStatus.DELETING);
        Inventory inventory = new Inventory(eks.listNodegroups(input.clusterName()),
                eks.listFargateProfiles(input.clusterName()));
        audit.record(input, "PrepareDelete", inventory.nodegroups().size() + " node groups, "
                + inventory.fargateProfiles().size() + " Fargate profiles to delete");
        return inventory;
    }

    public void deleteFargateProfile(StepInput input) {
        eks.deleteFargateProfile(input.clusterName(), input.fargateProfile());
        audit.record(input, "DeleteFargateProfile", input.fargateProfile());
    }

    public void deleteNodegroup(StepInput input) {
        eks.deleteNodegroup(input.clusterName(), input.nodegroup());
        audit.record(input, "DeleteNodegroup", input.nodegroup());
    }

    public void deleteAddons(StepInput input) {
        List<String> names = eks.describeCluster(input.clusterName()).isEmpty() ? List.of()
                : eks.listAddons(input.clusterName()).stream().map(ObservedAddon::name).toList();
        names.forEach(name -> eks.deleteAddon(input.clusterName(), name));
        audit.record(input, "DeleteAddons", names.isEmpty() ? "no add-ons" : "deleted " + names);
    }

    public void deleteCluster(StepInput input) {
        eks.deleteCluster(input.clusterName());
        audit.record(input, "DeleteCluster", "EKS asked to delete the control plane");
    }
}
