package dev.ekslifecycle.eks;

import dev.ekslifecycle.domain.AccessEntrySpec;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.FargateProfileSpec;
import dev.ekslifecycle.domain.NodeGroupSpec;
import java.util.List;
import java.util.Optional;

/**
 * The slice of the EKS API that the lifecycle workflows use.
 *
 * <p>Contract for every method:
 * <ul>
 *   <li>Create calls carry a client request token derived from the operation, so a retried call is a no-op on the
 *       EKS side; they return normally when the resource already exists (the caller checks ownership first).</li>
 *   <li>Delete calls return normally when the resource is already gone or already DELETING.</li>
 *   <li>Throttling surfaces as {@link dev.ekslifecycle.errors.DependencyThrottledException}, EKS-side failures as
 *       {@link dev.ekslifecycle.errors.DependencyUnavailableException} (both retried by the workflows), requests
 *       EKS rejects as {@link dev.ekslifecycle.errors.EksRequestRejectedException} (not retried).</li>
 * </ul>
 */
public interface EksGateway {

    Optional<EksCluster> describeCluster(String name);

    /** Creates the control plane from the spec, with our managed-by tag added to the spec's tags. */
    void createCluster(ClusterSpec spec, String clientRequestToken);

    /**
     * Turns EKS's own deletion protection off (UpdateClusterConfig). The caller decides from the
     * {@link #describeCluster} it already made, so the gateway does not describe the cluster a second time.
     */
    void disableDeletionProtection(String clusterName, String clientRequestToken);

    void deleteCluster(String clusterName);

    List<String> listNodegroups(String clusterName);

    /** Empty when the node group does not exist. */
    Optional<EksNodegroup> describeNodegroup(String clusterName, String nodegroupName);

    /** Creates a managed node group; empty spec subnets mean the cluster's subnets. */
    void createNodegroup(ClusterSpec cluster, NodeGroupSpec nodegroup, String clientRequestToken);

    void deleteNodegroup(String clusterName, String nodegroupName);

    List<String> listFargateProfiles(String clusterName);

    Optional<String> fargateProfileStatus(String clusterName, String profileName);

    void createFargateProfile(ClusterSpec cluster, FargateProfileSpec profile, String clientRequestToken);

    void deleteFargateProfile(String clusterName, String profileName);

    List<ObservedAddon> listAddons(String clusterName);

    /** The version EKS installs by default for this add-on on this Kubernetes version. */
    Optional<String> defaultAddonVersion(String addonName, String kubernetesVersion);

    void createAddon(String clusterName, String addonName, String addonVersion, String clientRequestToken);

    void deleteAddon(String clusterName, String addonName);

    /** Principals that already have an access entry. */
    List<String> listAccessEntries(String clusterName);

    /** Creates the access entry and associates its policy with cluster scope; both steps are idempotent. */
    void grantAccess(String clusterName, AccessEntrySpec entry, String clientRequestToken);
}
