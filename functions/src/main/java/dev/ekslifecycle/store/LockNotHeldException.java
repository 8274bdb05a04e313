package dev.ekslifecycle.store;

import java.util.Optional;

/** The caller does not hold the cluster's lock: it expired and was taken over, or it was never taken. */
public final class LockNotHeldException extends StoreException {

    private final transient Lease holder;

    public LockNotHeldException(String clusterName, String owner, Lease holder) {
        super(owner + " does not hold the lock of cluster " + clusterName
                + (holder == null ? "" : "; " + holder.owner() + " does"));
        this.holder = holder;
    }

    /** Who holds the lock instead, if anyone. */
    public Optional<Lease> holder() {
        return Optional.ofNullable(holder);
    }
}
