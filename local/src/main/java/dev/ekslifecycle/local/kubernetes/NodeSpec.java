package dev.ekslifecycle.local.kubernetes;

import dev.ekslifecycle.local.eks.NodeGroupFleet.Taint;
import java.util.List;
import java.util.Map;

/** What a joining node is: its instance, where it runs and what its node group puts on it. */
public record NodeSpec(
        String nodeName,
        String instanceId,
        String region,
        String availabilityZone,
        String instanceType,
        String privateIpAddress,
        String imageId,
        String kubernetesVersion,
        String releaseVersion,
        Map<String, String> labels,
        List<Taint> taints) {

    public NodeSpec {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** The kubelet's version string as EKS-optimized AMIs report it, e.g. v1.31.4-eks-0d2b7a3. */
    public String kubeletVersion() {
        return KubeletVersions.of(kubernetesVersion, releaseVersion);
    }
}
