package dev.ekslifecycle.store;

public final class ClusterNotFoundException extends NotFoundException {

    private final String clusterName;

    public ClusterNotFoundException(String clusterName) {
        super("no cluster named " + clusterName);
        this.clusterName = clusterName;
    }

    public String clusterName() {
        return clusterName;
    }
}
