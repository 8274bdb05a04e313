package dev.ekslifecycle.ec2;

/** An EC2 instance of an EKS managed node group, as its tags {@code eks:cluster-name} and {@code eks:nodegroup-name} say. */
public record NodeGroupInstance(String instanceId, String clusterName, String nodegroupName) {
}
