package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.Nodegroup;

/** A managed node group and the region of its cluster. Its transitions end when the fleet says so. */
public record NodegroupState(String region, Nodegroup nodegroup) {

    public NodegroupState with(Nodegroup newNodegroup) {
        return new NodegroupState(region, newNodegroup);
    }
}
