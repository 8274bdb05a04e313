package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.eks.NodeGroupFleet.Taint;
import java.util.List;
import java.util.Map;

/** What a managed node group's Auto Scaling group carries beyond Auto Scaling itself: the cluster and node labels. */
public record FleetRecord(String groupName, String clusterName, String nodegroupName, String capacityType,
                          Map<String, String> labels, List<Taint> taints) {

    public FleetRecord {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    public FleetRecord withMetadata(Map<String, String> newLabels, List<Taint> newTaints) {
        return new FleetRecord(groupName, clusterName, nodegroupName, capacityType, newLabels, newTaints);
    }

    /** The labels EKS puts on every node of the group, with the group's own. */
    public Map<String, String> nodeLabels() {
        Map<String, String> out = new java.util.LinkedHashMap<>(labels);
        out.put("eks.amazonaws.com/nodegroup", nodegroupName);
        out.put("eks.amazonaws.com/capacityType", capacityType);
        return out;
    }
}
