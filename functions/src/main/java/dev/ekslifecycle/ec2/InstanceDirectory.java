package dev.ekslifecycle.ec2;

import java.util.Collection;
import java.util.List;

/**
 * Which EKS managed node group an EC2 instance belongs to. EKS tags the instances of a managed node group with
 * {@value #CLUSTER_TAG} and {@value #NODEGROUP_TAG}; instances without both are not part of one.
 *
 * <p>Throttling surfaces as {@link dev.ekslifecycle.errors.DependencyThrottledException}, other EC2 failures as
 * {@link dev.ekslifecycle.errors.DependencyUnavailableException}.
 */
public interface InstanceDirectory {

    String CLUSTER_TAG = "eks:cluster-name";
    String NODEGROUP_TAG = "eks:nodegroup-name";

    /** The node-group instances among {@code instanceIds}; unknown instances and others are left out. */
    List<NodeGroupInstance> nodeGroupInstances(Collection<String> instanceIds);
}
