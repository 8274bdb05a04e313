package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** An EKS cluster as DescribeCluster returns it. */
public record Cluster(
        String name,
        String arn,
        Instant createdAt,
        String version,
        String endpoint,
        String roleArn,
        VpcConfig resourcesVpcConfig,
        KubernetesNetworkConfig kubernetesNetworkConfig,
        JsonNode logging,
        Identity identity,
        String status,
        Certificate certificateAuthority,
        String clientRequestToken,
        String platformVersion,
        Map<String, String> tags,
        JsonNode encryptionConfig,
        String id,
        Health health,
        JsonNode outpostConfig,
        AccessConfig accessConfig,
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

    /** The cluster's OIDC issuer. */
    public record Identity(Oidc oidc) {
    }

    public record Oidc(String issuer) {
    }

    /** Base64 PEM of the cluster's certificate authority. */
    public record Certificate(String data) {
    }

    public boolean isProtectedFromDeletion() {
        return Boolean.TRUE.equals(deletionProtection);
    }

    public Cluster withStatus(String newStatus) {
        return new Cluster(name, arn, createdAt, version, endpoint, roleArn, resourcesVpcConfig,
                kubernetesNetworkConfig, logging, identity, newStatus, certificateAuthority, clientRequestToken,
                platformVersion, tags, encryptionConfig, id, health, outpostConfig, accessConfig, upgradePolicy,
                zonalShiftConfig, remoteNetworkConfig, computeConfig, storageConfig, deletionProtection,
                controlPlaneScalingConfig, kubeApiServerConfig, kubeSchedulerConfig, kubeControllerManagerConfig);
    }

    /** The control plane came up: it has an API server and a certificate authority. */
    public Cluster withControlPlane(String newEndpoint, Certificate ca) {
        return new Cluster(name, arn, createdAt, version, newEndpoint, roleArn, resourcesVpcConfig,
                kubernetesNetworkConfig, logging, identity, status, ca, clientRequestToken,
                platformVersion, tags, encryptionConfig, id, health, outpostConfig, accessConfig, upgradePolicy,
                zonalShiftConfig, remoteNetworkConfig, computeConfig, storageConfig, deletionProtection,
                controlPlaneScalingConfig, kubeApiServerConfig, kubeSchedulerConfig, kubeControllerManagerConfig);
    }

    public Cluster withHealth(Health newHealth) {
        return new Cluster(name, arn, createdAt, version, endpoint, roleArn, resourcesVpcConfig,
                kubernetesNetworkConfig, logging, identity, status, certificateAuthority, clientRequestToken,
                platformVersion, tags, encryptionConfig, id, newHealth, outpostConfig, accessConfig, upgradePolicy,
                zonalShiftConfig, remoteNetworkConfig, computeConfig, storageConfig, deletionProtection,
                controlPlaneScalingConfig, kubeApiServerConfig, kubeSchedulerConfig, kubeControllerManagerConfig);
    }

    public Cluster withTags(Map<String, String> newTags) {
        return new Cluster(name, arn, createdAt, version, endpoint, roleArn, resourcesVpcConfig,
                kubernetesNetworkConfig, logging, identity, status, certificateAuthority, clientRequestToken,
                platformVersion, newTags, encryptionConfig, id, health, outpostConfig, accessConfig, upgradePolicy,
                zonalShiftConfig, remoteNetworkConfig, computeConfig, storageConfig, deletionProtection,
                controlPlaneScalingConfig, kubeApiServerConfig, kubeSchedulerConfig, kubeControllerManagerConfig);
    }
}
