package dev.ekslifecycle.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.domain.AccessEntrySpec;
import dev.ekslifecycle.domain.AddonSpec;
import dev.ekslifecycle.domain.AutoModeSpec;
import dev.ekslifecycle.domain.CapacityType;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.FargateProfileSpec;
import dev.ekslifecycle.domain.FargateSelector;
import dev.ekslifecycle.domain.FieldPath;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.domain.Problems;
import dev.ekslifecycle.domain.Taint;
import dev.ekslifecycle.domain.TaintEffect;
import dev.ekslifecycle.domain.UpdateStrategy;
import dev.ekslifecycle.domain.UpgradePolicy;
import java.util.Set;

/**
 * Reads the cluster spec document into a {@link ClusterSpec}, applying the defaults and reporting unknown fields
 * and values of the wrong type. The rules on values are the validator's.
 */
final class ClusterSpecReader {

    static final Set<String> CLUSTER_FIELDS = Set.of("name", "version", "roleArn", "subnetIds", "securityGroupIds",
            "endpointPublicAccess", "endpointPrivateAccess", "logging", "tags", "deletionProtection",
            "upgradePolicy", "autoMode", "addons", "accessEntries", "nodegroups", "fargateProfiles");
    static final Set<String> AUTO_MODE_FIELDS = Set.of("enabled", "nodePools", "nodeRoleArn");
    static final Set<String> ADDON_FIELDS = Set.of("name", "version");
    static final Set<String> ACCESS_ENTRY_FIELDS = Set.of("principalArn", "policy");
    static final Set<String> NODEGROUP_FIELDS = Set.of("name", "nodeRoleArn", "instanceTypes", "amiType",
            "capacityType", "minSize", "maxSize", "desiredSize", "subnetIds", "labels", "taints", "maxUnavailable",
            "maxUnavailablePercentage", "updateStrategy");
    static final Set<String> TAINT_FIELDS = Set.of("key", "value", "effect");
    static final Set<String> FARGATE_FIELDS = Set.of("name", "podExecutionRoleArn", "subnetIds", "selectors");
    static final Set<String> SELECTOR_FIELDS = Set.of("namespace", "labels");

    private ClusterSpecReader() {
    }

    /** The spec, or null when the document is not an object; problems found go to {@code problems}. */
    static ClusterSpec read(JsonNode document, Problems problems) {
        JsonFields f = JsonFields.of(document, FieldPath.root(), problems, CLUSTER_FIELDS);
        if (f == null) {
            return null;
        }
        JsonFields autoMode = f.object("autoMode", AUTO_MODE_FIELDS);
        return new ClusterSpec(f.string("name"), f.version("version"), f.string("roleArn"), f.strings("subnetIds"),
                f.strings("securityGroupIds"),
                f.bool("endpointPublicAccess", ClusterSpec.DEFAULT_ENDPOINT_PUBLIC_ACCESS),
                f.bool("endpointPrivateAccess", ClusterSpec.DEFAULT_ENDPOINT_PRIVATE_ACCESS),
                f.strings("logging"), f.stringMap("tags"),
                f.bool("deletionProtection", ClusterSpec.DEFAULT_DELETION_PROTECTION),
                f.enumValue("upgradePolicy", UpgradePolicy.class, ClusterSpec.DEFAULT_UPGRADE_POLICY),
                autoMode == null ? AutoModeSpec.DISABLED : autoMode(autoMode),
                f.objects("addons", ADDON_FIELDS, a -> new AddonSpec(a.string("name"), a.string("version"))),
                f.objects("accessEntries", ACCESS_ENTRY_FIELDS,
                        a -> new AccessEntrySpec(a.string("principalArn"), a.string("policy"))),
                f.objects("nodegroups", NODEGROUP_FIELDS, ClusterSpecReader::nodegroup),
                f.objects("fargateProfiles", FARGATE_FIELDS, ClusterSpecReader::fargateProfile));
    }

    private static AutoModeSpec autoMode(JsonFields f) {
        return new AutoModeSpec(f.bool("enabled", false), f.strings("nodePools"), f.string("nodeRoleArn"));
    }

    private static NodeGroupSpec nodegroup(JsonFields f) {
        return new NodeGroupSpec(f.string("name"), f.string("nodeRoleArn"), f.strings("instanceTypes"),
                f.string("amiType"), f.enumValue("capacityType", CapacityType.class, CapacityType.ON_DEMAND),
                f.integer("minSize"), f.integer("maxSize"), f.integer("desiredSize"), f.strings("subnetIds"),
                f.stringMap("labels"),
                f.objects("taints", TAINT_FIELDS, t -> new Taint(t.string("key"), t.string("value"),
                        t.enumValue("effect", TaintEffect.class, null))),
                f.integer("maxUnavailable"), f.integer("maxUnavailablePercentage"),
                f.enumValue("updateStrategy", UpdateStrategy.class, UpdateStrategy.DEFAULT));
    }

    private static FargateProfileSpec fargateProfile(JsonFields f) {
        return new FargateProfileSpec(f.string("name"), f.string("podExecutionRoleArn"), f.strings("subnetIds"),
                f.objects("selectors", SELECTOR_FIELDS,
                        s -> new FargateSelector(s.string("namespace"), s.stringMap("labels"))));
    }
}
