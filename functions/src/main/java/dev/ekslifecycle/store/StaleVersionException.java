package dev.ekslifecycle.store;

/** A writer held an older version of a cluster record than the stored one: it must read again. */
public final class StaleVersionException extends StoreException {

    private final String clusterName;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersionException(String clusterName, long expectedVersion, long actualVersion) {
        super("cluster " + clusterName + " is at version " + actualVersion + ", not " + expectedVersion);
        this.clusterName = clusterName;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String clusterName() {
        return clusterName;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
