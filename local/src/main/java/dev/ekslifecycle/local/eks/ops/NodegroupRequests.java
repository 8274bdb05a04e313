package dev.ekslifecycle.local.eks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.eks.model.Nodegroup;
import java.util.List;
import java.util.Map;

/** The bodies of the node group operations, member names as on the wire. */
public final class NodegroupRequests {

    private NodegroupRequests() {
    }

    public record CreateNodegroup(
            String nodegroupName,
            Nodegroup.ScalingConfig scalingConfig,
            Integer diskSize,
            List<String> subnets,
            List<String> instanceTypes,
            String amiType,
            JsonNode remoteAccess,
            String nodeRole,
            Map<String, String> labels,
            List<Nodegroup.Taint> taints,
            Map<String, String> tags,
            String clientRequestToken,
            JsonNode launchTemplate,
            Nodegroup.UpdateConfig updateConfig,
            Nodegroup.NodeRepairConfig nodeRepairConfig,
            String capacityType,
            String version,
            String releaseVersion,
            JsonNode warmPoolConfig) {
    }

    public record UpdateNodegroupConfig(
            UpdateLabels labels,
            UpdateTaints taints,
            Nodegroup.ScalingConfig scalingConfig,
            Nodegroup.UpdateConfig updateConfig,
            Nodegroup.NodeRepairConfig nodeRepairConfig,
            JsonNode warmPoolConfig,
            String clientRequestToken) {
    }

    public record UpdateLabels(Map<String, String> addOrUpdateLabels, List<String> removeLabels) {
    }

    public record UpdateTaints(List<Nodegroup.Taint> addOrUpdateTaints, List<Nodegroup.Taint> removeTaints) {
    }

    public record UpdateNodegroupVersion(String version, String releaseVersion, JsonNode launchTemplate,
                                         Boolean force, String clientRequestToken) {
    }
}
