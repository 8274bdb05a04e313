package dev.ekslifecycle.store;

import java.time.Duration;
import java.util.Optional;

/**
 * One mutating operation per cluster at a time. A lock is a lease: it names its owner (the workflow execution ARN)
 * and ends at an expiry, after which anyone may take it over, so an owner that died cannot hold a cluster forever.
 * Owners renew long work before the lease runs out. Times come from the store's clock.
 */
public interface ClusterLocks {

    /**
     * Takes the lock for {@code leaseFor}. Taking it again as the same owner extends the lease (a retried step).
     *
     * @throws LockHeldException when another owner holds an unexpired lease; it names that lease
     */
    Lease acquire(String clusterName, String owner, String operationId, Duration leaseFor);

    /**
     * Extends the owner's lease to now + {@code leaseFor}; works after expiry as long as nobody took the lock over.
     *
     * @throws LockNotHeldException when the owner does not hold the lock (any more)
     */
    Lease renew(String clusterName, String owner, Duration leaseFor);

    /**
     * Gives the lock up; releasing a free lock does nothing (a retried step).
     *
     * @throws LockNotHeldException when another owner holds it
     */
    void release(String clusterName, String owner);

    /** The unexpired lease on the cluster, if any. */
    Optional<Lease> current(String clusterName);
}
