package dev.ekslifecycle.local.eks;

/**
 * The Kubernetes API servers of emulated clusters, provided by the Kubernetes emulator. The EKS emulator opens one
 * when a cluster's control plane comes up and puts its URL in DescribeCluster's {@code endpoint}.
 */
public interface ClusterApiServers {

    /**
     * Starts serving the Kubernetes API of {@code clusterName} (idempotent) and returns its base URL, for example
     * {@code http://127.0.0.1:4566/k8s/prod-eu}.
     */
    String open(String clusterName, String kubernetesVersion);

    /** The control plane now runs {@code kubernetesVersion}: the API server reports it from /version. */
    void setVersion(String clusterName, String kubernetesVersion);

    /** Stops serving the cluster's API; its nodes and pods are gone. */
    void close(String clusterName);
}
