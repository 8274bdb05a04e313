package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.eks.model.AccessConfig;
import dev.ekslifecycle.local.eks.model.ComputeConfig;
import dev.ekslifecycle.local.eks.model.KubernetesNetworkConfig;
import dev.ekslifecycle.local.eks.model.StorageConfig;
import dev.ekslifecycle.local.eks.model.UpgradePolicy;
import dev.ekslifecycle.local.eks.model.VpcConfig;
import java.util.Map;

/** The bodies of the cluster operations, member names as on the wire. */
public final class ClusterRequests {

    private ClusterRequests() {
    }

    public record CreateCluster(
            String name,
            String version,
            String roleArn,
            VpcConfig resourcesVpcConfig,
            KubernetesNetworkConfig kubernetesNetworkConfig,
            JsonNode logging,
            String clientRequestToken,
            Map<String, String> tags,
            JsonNode encryptionConfig,
            JsonNode outpostConfig,
            AccessConfig accessConfig,
            Boolean bootstrapSelfManagedAddons,
            UpgradePolicy upgradePolicy,
            JsonNode zonalShiftConfig,
            JsonNode remoteNetworkConfig,
            ComputeConfig computeConfig,
            StorageConfig storageConfig,
            Boolean deletionProtection,
            JsonNode controlPlaneScalingConfig,
            JsonNode kubeApiServerConfig,
            JsonNode kubeSchedulerConfig,
            JsonNode kubeControllerManagerConfig) {
    }

    public record UpdateClusterVersion(String version, String clientRequestToken, Boolean force,
                                       JsonNode rollbackConfig) {
    }

    public record UpdateClusterConfig(
            VpcConfig resourcesVpcConfig,
            JsonNode logging,
            String clientRequestToken,
            AccessConfig accessConfig,
            UpgradePolicy upgradePolicy,
            JsonNode zonalShiftConfig,
            ComputeConfig computeConfig,
            KubernetesNetworkConfig kubernetesNetworkConfig,
            StorageConfig storageConfig,
            JsonNode remoteNetworkConfig,
            Boolean deletionProtection,
            JsonNode controlPlaneScalingConfig,
            JsonNode kubeApiServerConfig,
            JsonNode kubeSchedulerConfig,
            JsonNode kubeControllerManagerConfig) {
    }
}
