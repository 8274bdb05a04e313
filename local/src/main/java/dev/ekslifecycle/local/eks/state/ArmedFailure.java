package dev.ekslifecycle.local.eks.state;

/**
 * A fault armed through the control API: the next create or update of this cluster (or of its node group, when
 * {@code nodegroupName} is set) fails with {@code errorCode}.
 */
public record ArmedFailure(String region, String clusterName, String nodegroupName, String errorCode,
                           String message) {

    public boolean targets(String inRegion, String cluster, String nodegroup) {
        return region.equals(inRegion) && clusterName.equals(cluster)
                && java.util.Objects.equals(nodegroupName, nodegroup);
    }
}
