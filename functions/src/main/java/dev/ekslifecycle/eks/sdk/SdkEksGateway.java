package dev.ekslifecycle.eks.sdk;

import dev.ekslifecycle.domain.AccessEntrySpec;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.FargateProfileSpec;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.domain.Taint;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.eks.EksNodegroup;
import dev.ekslifecycle.eks.ManagedTags;
import dev.ekslifecycle.eks.ObservedAddon;
import dev.ekslifecycle.eks.EksCluster;
import dev.ekslifecycle.errors.ResourceBusyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessScopeType;
import software.amazon.awssdk.services.eks.model.AddonInfo;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Compatibility;
import software.amazon.awssdk.services.eks.model.ResolveConflicts;
import software.amazon.awssdk.services.eks.model.TaintEffect;

/** {@link EksGateway} over the AWS SDK v2 EKS client. */
public final class SdkEksGateway implements EksGateway {

    private static final String ACCESS_POLICY_ARN_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";

    private final EksClient eks;

    public SdkEksGateway(EksClient eks) {
        this.eks = eks;
    }

    @Override
    public Optional<EksCluster> describeCluster(String name) {
        return EksErrors.find("DescribeCluster " + name, () -> eks.describeCluster(r -> r.name(name)).cluster())
                .map(SdkEksGateway::observed);
    }

    @Override
    public void createCluster(ClusterSpec spec, String clientRequestToken) {
        EksErrors.create("CreateCluster " + spec.name(),
                () -> eks.createCluster(ClusterRequests.create(spec, clientRequestToken)));
    }

    @Override
    public void disableDeletionProtection(String clusterName, String clientRequestToken) {
        EksErrors.call("UpdateClusterConfig " + clusterName, () -> eks.updateClusterConfig(r -> r
                .name(clusterName).deletionProtection(false).clientRequestToken(clientRequestToken)));
    }

    @Override
    public void deleteCluster(String clusterName) {
        EksErrors.delete("DeleteCluster " + clusterName, () -> eks.deleteCluster(r -> r.name(clusterName)));
    }

    @Override
    public List<String> listNodegroups(String clusterName) {
        return EksErrors.call("ListNodegroups " + clusterName,
                () -> eks.listNodegroupsPaginator(r -> r.clusterName(clusterName)).nodegroups().stream().toList());
    }

    @Override
    public Optional<EksNodegroup> describeNodegroup(String clusterName, String nodegroupName) {
        return EksErrors.find("DescribeNodegroup " + nodegroupName,
                () -> eks.describeNodegroup(r -> r.clusterName(clusterName).nodegroupName(nodegroupName))
                        .nodegroup())
                .map(n -> new EksNodegroup(n.nodegroupName(), n.statusAsString(), n.version(),
                        n.scalingConfig() == null || n.scalingConfig().desiredSize() == null ? 0
                                : n.scalingConfig().desiredSize()));
    }

    @Override
    public void createNodegroup(ClusterSpec cluster, NodeGroupSpec ng, String clientRequestToken) {
        List<String> subnets = ng.subnetIds().isEmpty() ? cluster.subnetIds() : ng.subnetIds();
        EksErrors.create("CreateNodegroup " + ng.name(), () -> eks.createNodegroup(r -> {
            r.clusterName(cluster.name())
                    .nodegroupName(ng.name())
                    .nodeRole(ng.nodeRoleArn())
                    .subnets(subnets)
                    .scalingConfig(s -> s.minSize(ng.minSize()).maxSize(ng.maxSize()).desiredSize(ng.desiredSize()))
                    .labels(ng.labels())
                    .taints(ng.taints().stream().map(SdkEksGateway::taint).toList())
                    .tags(ManagedTags.withMarker(cluster.tags()))
                    // no version: a new node group runs the control plane's version, whatever EKS upgraded it to
                    .clientRequestToken(clientRequestToken);
            if (!ng.instanceTypes().isEmpty()) {
                r.instanceTypes(ng.instanceTypes());
            }
            if (ng.amiType() != null) {
                r.amiType(ng.amiType());
            }
            if (ng.capacityType() != null) {
                r.capacityType(ng.capacityType().name());
            }
            r.updateConfig(u -> {
                if (ng.maxUnavailable() != null) {
                    u.maxUnavailable(ng.maxUnavailable());
                }
                if (ng.maxUnavailablePercentage() != null) {
                    u.maxUnavailablePercentage(ng.maxUnavailablePercentage());
                }
                if (ng.updateStrategy() != null) {
                    u.updateStrategy(ng.updateStrategy().name());
                }
            });
        }));
    }

    @Override
    public void deleteNodegroup(String clusterName, String nodegroupName) {
        EksErrors.delete("DeleteNodegroup " + nodegroupName,
                () -> eks.deleteNodegroup(r -> r.clusterName(clusterName).nodegroupName(nodegroupName)));
    }

    @Override
    public List<String> listFargateProfiles(String clusterName) {
        return EksErrors.call("ListFargateProfiles " + clusterName, () -> eks
                .listFargateProfilesPaginator(r -> r.clusterName(clusterName)).fargateProfileNames().stream().toList());
    }

    @Override
    public Optional<String> fargateProfileStatus(String clusterName, String profileName) {
        return EksErrors.find("DescribeFargateProfile " + profileName,
                () -> eks.describeFargateProfile(r -> r.clusterName(clusterName).fargateProfileName(profileName))
                        .fargateProfile().statusAsString());
    }

    @Override
    public void createFargateProfile(ClusterSpec cluster, FargateProfileSpec profile, String clientRequestToken) {
        String what = "CreateFargateProfile " + profile.name();
        boolean created = EksErrors.create(what, () -> eks.createFargateProfile(r -> r
                .clusterName(cluster.name())
                .fargateProfileName(profile.name())
                .podExecutionRoleArn(profile.podExecutionRoleArn())
                .subnets(profile.subnetIds().isEmpty() ? null : profile.subnetIds())
                .selectors(profile.selectors().stream()
                        .map(s -> software.amazon.awssdk.services.eks.model.FargateProfileSelector.builder()
                                .namespace(s.namespace()).labels(s.labels()).build())
                        .toList())
                .tags(ManagedTags.withMarker(cluster.tags()))
                .clientRequestToken(clientRequestToken)));
        // ResourceInUse: either the profile exists already (done) or another one is CREATING/DELETING (come back).
        if (!created && fargateProfileStatus(cluster.name(), profile.name()).isEmpty()) {
            throw new ResourceBusyException(what + ": another Fargate profile of " + cluster.name()
                    + " is being created or deleted", null);
        }
    }

    @Override
    public void deleteFargateProfile(String clusterName, String profileName) {
        EksErrors.delete("DeleteFargateProfile " + profileName,
                () -> eks.deleteFargateProfile(r -> r.clusterName(clusterName).fargateProfileName(profileName)));
    }

    @Override
    public List<ObservedAddon> listAddons(String clusterName) {
        List<String> names = EksErrors.call("ListAddons " + clusterName,
                () -> eks.listAddonsPaginator(r -> r.clusterName(clusterName)).addons().stream().toList());
        List<ObservedAddon> addons = new ArrayList<>();
        for (String name : names) {
            EksErrors.find("DescribeAddon " + name,
                    () -> eks.describeAddon(r -> r.clusterName(clusterName).addonName(name)).addon())
                    .ifPresent(a -> addons.add(new ObservedAddon(a.addonName(), a.addonVersion(), a.statusAsString())));
        }
        return addons;
    }

    @Override
    public Optional<String> defaultAddonVersion(String addonName, String kubernetesVersion) {
        List<AddonInfo> addons = EksErrors.call("DescribeAddonVersions " + addonName, () -> eks
                .describeAddonVersions(r -> r.addonName(addonName).kubernetesVersion(kubernetesVersion)).addons());
        return addons.stream()
                .flatMap(a -> a.addonVersions().stream())
                .filter(v -> v.compatibilities().stream().anyMatch(Compatibility::defaultVersion))
                .map(AddonVersionInfo::addonVersion)
                .max(Comparator.naturalOrder());
    }

    @Override
    public void createAddon(String clusterName, String addonName, String addonVersion, String clientRequestToken) {
        EksErrors.create("CreateAddon " + addonName, () -> eks.createAddon(r -> r
                .clusterName(clusterName)
                .addonName(addonName)
                .addonVersion(addonVersion)
                .resolveConflicts(ResolveConflicts.OVERWRITE)
                .tags(java.util.Map.of(ManagedTags.MANAGED_BY, ManagedTags.MANAGED_BY_VALUE))
                .clientRequestToken(clientRequestToken)));
    }

    @Override
    public void deleteAddon(String clusterName, String addonName) {
        EksErrors.delete("DeleteAddon " + addonName,
                () -> eks.deleteAddon(r -> r.clusterName(clusterName).addonName(addonName)));
    }

    @Override
    public List<String> listAccessEntries(String clusterName) {
        return EksErrors.call("ListAccessEntries " + clusterName,
                () -> eks.listAccessEntriesPaginator(r -> r.clusterName(clusterName)).accessEntries().stream()
                        .toList());
    }

    @Override
    public void grantAccess(String clusterName, AccessEntrySpec entry, String clientRequestToken) {
        EksErrors.create("CreateAccessEntry " + entry.principalArn(), () -> eks.createAccessEntry(r -> r
                .clusterName(clusterName)
                .principalArn(entry.principalArn())
                .clientRequestToken(clientRequestToken)));
        String policyArn = entry.policy().startsWith("arn:") ? entry.policy()
                : ACCESS_POLICY_ARN_PREFIX + entry.policy();
        EksErrors.call("AssociateAccessPolicy " + entry.principalArn(), () -> eks.associateAccessPolicy(r -> r
                .clusterName(clusterName)
                .principalArn(entry.principalArn())
                .policyArn(policyArn)
                .accessScope(s -> s.type(AccessScopeType.CLUSTER))));
    }

    private static EksCluster observed(Cluster c) {
        return new EksCluster(c.name(), c.arn(), c.statusAsString(), c.version(), c.endpoint(), c.tags(),
                Boolean.TRUE.equals(c.deletionProtection()));
    }

    private static software.amazon.awssdk.services.eks.model.Taint taint(Taint t) {
        return software.amazon.awssdk.services.eks.model.Taint.builder()
                .key(t.key()).value(t.value()).effect(TaintEffect.fromValue(t.effect().name())).build();
    }
}
