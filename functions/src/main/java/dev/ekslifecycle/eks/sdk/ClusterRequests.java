package dev.ekslifecycle.eks.sdk;

import dev.ekslifecycle.domain.AutoModeSpec;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.eks.ManagedTags;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.SupportType;

/** Maps a cluster spec onto EKS's CreateCluster request. */
final class ClusterRequests {

    private ClusterRequests() {
    }

    static CreateClusterRequest create(ClusterSpec spec, String clientRequestToken) {
        CreateClusterRequest.Builder r = CreateClusterRequest.builder()
                .name(spec.name())
                .version(spec.version().toString())
                .roleArn(spec.roleArn())
                .resourcesVpcConfig(v -> v
                        .subnetIds(spec.subnetIds())
                        .securityGroupIds(spec.securityGroupIds())
                        .endpointPublicAccess(spec.endpointPublicAccess())
                        .endpointPrivateAccess(spec.endpointPrivateAccess()))
                // API_AND_CONFIG_MAP: access entries for our own role and the spec's principals, while tools that
                // still edit aws-auth keep working.
                .accessConfig(a -> a.authenticationMode(AuthenticationMode.API_AND_CONFIG_MAP))
                .tags(ManagedTags.withMarker(spec.tags()))
                .deletionProtection(spec.deletionProtection())
                .upgradePolicy(u -> u.supportType(SupportType.fromValue(spec.upgradePolicy().name())))
                .clientRequestToken(clientRequestToken);
        if (!spec.logging().isEmpty()) {
            r.logging(l -> l.clusterLogging(LogSetup.builder()
                    .types(spec.logging().stream().map(LogType::fromValue).toList())
                    .enabled(true)
                    .build()));
        }
        AutoModeSpec autoMode = spec.autoMode();
        if (autoMode != null && autoMode.enabled()) {
            // EKS wants the three Auto Mode capabilities switched on together, and self-managed add-ons off.
            r.computeConfig(c -> {
                c.enabled(true).nodePools(autoMode.nodePools());
                if (autoMode.nodeRoleArn() != null) {
                    c.nodeRoleArn(autoMode.nodeRoleArn());
                }
            });
            r.storageConfig(s -> s.blockStorage(b -> b.enabled(true)));
            r.kubernetesNetworkConfig(k -> k.elasticLoadBalancing(e -> e.enabled(true)));
            r.bootstrapSelfManagedAddons(false);
        }
        return r.build();
    }
}
