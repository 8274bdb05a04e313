package dev.ekslifecycle.domain.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.AccessEntrySpec;
import dev.ekslifecycle.domain.AddonSpec;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.FargateProfileSpec;
import dev.ekslifecycle.domain.FargateSelector;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.domain.Taint;
import java.util.List;
import java.util.Map;

/** Writes a spec as the document {@link ClusterSpecReader} reads, with every default spelled out. */
final class ClusterSpecWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClusterSpecWriter() {
    }

    static ObjectNode write(ClusterSpec spec) {
        ObjectNode o = JSON.objectNode();
        o.put("name", spec.name());
        o.put("version", spec.version() == null ? null : spec.version().toString());
        o.put("roleArn", spec.roleArn());
        o.set("subnetIds", strings(spec.subnetIds()));
        o.set("securityGroupIds", strings(spec.securityGroupIds()));
        o.put("endpointPublicAccess", spec.endpointPublicAccess());
        o.put("endpointPrivateAccess", spec.endpointPrivateAccess());
        o.set("logging", strings(spec.logging()));
        o.set("tags", stringMap(spec.tags()));
        o.put("deletionProtection", spec.deletionProtection());
        o.put("upgradePolicy", name(spec.upgradePolicy()));
        ObjectNode autoMode = o.putObject("autoMode");
        autoMode.put("enabled", spec.autoMode().enabled());
        autoMode.set("nodePools", strings(spec.autoMode().nodePools()));
        putIfPresent(autoMode, "nodeRoleArn", spec.autoMode().nodeRoleArn());
        ArrayNode addons = o.putArray("addons");
        for (AddonSpec addon : spec.addons()) {
            ObjectNode a = addons.addObject().put("name", addon.name());
            putIfPresent(a, "version", addon.version());
        }
        ArrayNode entries = o.putArray("accessEntries");
        for (AccessEntrySpec entry : spec.accessEntries()) {
            entries.addObject().put("principalArn", entry.principalArn()).put("policy", entry.policy());
        }
        ArrayNode nodegroups = o.putArray("nodegroups");
        spec.nodegroups().forEach(ng -> nodegroups.add(nodegroup(ng)));
        ArrayNode profiles = o.putArray("fargateProfiles");
        spec.fargateProfiles().forEach(p -> profiles.add(fargateProfile(p)));
        return o;
    }

    private static ObjectNode nodegroup(NodeGroupSpec ng) {
        ObjectNode o = JSON.objectNode();
        o.put("name", ng.name());
        o.put("nodeRoleArn", ng.nodeRoleArn());
        o.set("instanceTypes", strings(ng.instanceTypes()));
        putIfPresent(o, "amiType", ng.amiType());
        o.put("capacityType", name(ng.capacityType()));
        o.put("minSize", ng.minSize());
        o.put("maxSize", ng.maxSize());
        o.put("desiredSize", ng.desiredSize());
        o.set("subnetIds", strings(ng.subnetIds()));
        o.set("labels", stringMap(ng.labels()));
        ArrayNode taints = o.putArray("taints");
        for (Taint taint : ng.taints()) {
            ObjectNode t = taints.addObject().put("key", taint.key());
            putIfPresent(t, "value", taint.value());
            t.put("effect", name(taint.effect()));
        }
        if (ng.maxUnavailable() != null) {
            o.put("maxUnavailable", ng.maxUnavailable());
        }
        if (ng.maxUnavailablePercentage() != null) {
            o.put("maxUnavailablePercentage", ng.maxUnavailablePercentage());
        }
        o.put("updateStrategy", name(ng.updateStrategy()));
        return o;
    }

    private static ObjectNode fargateProfile(FargateProfileSpec profile) {
        ObjectNode o = JSON.objectNode();
        o.put("name", profile.name());
        o.put("podExecutionRoleArn", profile.podExecutionRoleArn());
        o.set("subnetIds", strings(profile.subnetIds()));
        ArrayNode selectors = o.putArray("selectors");
        for (FargateSelector selector : profile.selectors()) {
            selectors.addObject().put("namespace", selector.namespace()).set("labels", stringMap(selector.labels()));
        }
        return o;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode o = JSON.objectNode();
        values.forEach(o::put);
        return o;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
