package dev.ekslifecycle.store;

public final class ClusterAlreadyExistsException extends StoreException {

    private final String clusterName;

    public ClusterAlreadyExistsException(String clusterName) {
        super("a cluster named " + clusterName + " already exists");
        this.clusterName = clusterName;
    }

    public String clusterName() {
        return clusterName;
    }
}
