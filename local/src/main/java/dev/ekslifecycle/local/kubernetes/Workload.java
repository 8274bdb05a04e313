package dev.ekslifecycle.local.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A controller whose pods the local cluster keeps running: a DaemonSet (one pod per node, skipped by drains) or a
 * Deployment's ReplicaSet (a number of replicas, recreated elsewhere when evicted or when their node goes).
 * {@code budgetMaxUnavailable} above zero gives it a PodDisruptionBudget at start, as the coredns add-on has.
 */
public record Workload(String namespace, String name, boolean daemonSet, int replicas, Map<String, String> labels,
                       String image, int budgetMaxUnavailable) {

    public Workload {
        labels = Map.copyOf(labels);
    }

    /** What an EKS cluster runs from the start, plus a small application to drain. */
    public static List<Workload> defaults() {
        return List.of(
                new Workload("kube-system", "aws-node", true, 0, Map.of("k8s-app", "aws-node"),
                        "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1", 0),
                new Workload("kube-system", "kube-proxy", true, 0, Map.of("k8s-app", "kube-proxy"),
                        "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.31.3-eksbuild.2", 0),
                new Workload("kube-system", "coredns", false, 2,
                        Map.of("k8s-app", "kube-dns", "eks.amazonaws.com/component", "coredns"),
                        "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.11.4-eksbuild.2", 1),
                new Workload("default", "web", false, 3, Map.of("app", "web"), "public.ecr.aws/nginx/nginx:1.27", 0));
    }

    /** The ReplicaSet's name: the Deployment's name and a stable template hash. */
    String replicaSetName() {
        return name + "-" + String.format("%010x", (long) (namespace + "/" + name).hashCode() & 0xFFFFFFFFFL)
                .substring(0, 10);
    }

    String ownerKind() {
        return daemonSet ? "DaemonSet" : "ReplicaSet";
    }

    String ownerName() {
        return daemonSet ? name : replicaSetName();
    }
}
