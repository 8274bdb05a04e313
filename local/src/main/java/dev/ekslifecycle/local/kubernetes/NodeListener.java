package dev.ekslifecycle.local.kubernetes;

/**
 * Told when a node's health changed from outside the node group (a fault hook marked it NotReady), so whoever waits
 * for Ready nodes looks again. Called outside the cluster's lock.
 */
@FunctionalInterface
public interface NodeListener {

    void nodeChanged(String clusterName, String nodeName);
}
