package dev.ekslifecycle.domain;

import java.util.List;
import java.util.Map;

/**
 * The desired state of one EKS cluster as a user asks for it. Field names are those of the JSON document the REST
 * API accepts. A spec is only trusted after {@link ClusterSpecValidator} found no problem in it: one read from bad
 * JSON may hold nulls where values were unusable.
 */
public record ClusterSpec(String name, KubernetesVersion version, String roleArn, List<String> subnetIds,
                          List<String> securityGroupIds, boolean endpointPublicAccess,
                          boolean endpointPrivateAccess, List<String> logging, Map<String, String> tags,
                          boolean deletionProtection, UpgradePolicy upgradePolicy, AutoModeSpec autoMode,
                          List<AddonSpec> addons, List<AccessEntrySpec> accessEntries,
                          List<NodeGroupSpec> nodegroups, List<FargateProfileSpec> fargateProfiles) {

    /** Deletion protection is on unless asked otherwise: deleting a cluster by accident is the costly mistake. */
    public static final boolean DEFAULT_DELETION_PROTECTION = true;
    /** STANDARD so that nobody pays extended-support prices by accident (the EKS API itself defaults to EXTENDED). */
    public static final UpgradePolicy DEFAULT_UPGRADE_POLICY = UpgradePolicy.STANDARD;
    public static final boolean DEFAULT_ENDPOINT_PUBLIC_ACCESS = true;
    public static final boolean DEFAULT_ENDPOINT_PRIVATE_ACCESS = false;

    public ClusterSpec {
        subnetIds = Frozen.list(subnetIds);
        securityGroupIds = Frozen.list(securityGroupIds);
        logging = Frozen.list(logging);
        tags = Frozen.map(tags);
        addons = Frozen.list(addons);
        accessEntries = Frozen.list(accessEntries);
        nodegroups = Frozen.list(nodegroups);
        fargateProfiles = Frozen.list(fargateProfiles);
    }
}
