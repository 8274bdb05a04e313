package dev.ekslifecycle.store;

/** Another owner holds an unexpired lease on the cluster. */
public final class LockHeldException extends StoreException {

    private final transient Lease holder;

    public LockHeldException(Lease holder) {
        super("cluster " + holder.clusterName() + " is locked by " + holder.owner() + " for operation "
                + holder.operationId() + " until " + holder.expiresAt());
        this.holder = holder;
    }

    public Lease holder() {
        return holder;
    }
}
