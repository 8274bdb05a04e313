package dev.ekslifecycle.store;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ObservedCluster;
import java.util.Optional;

/**
 * Cluster records, one per cluster name, with optimistic concurrency: each write names the version the writer read
 * and produces version + 1. Reads are strongly consistent.
 */
public interface ClusterStore {

    /**
     * Records a new cluster (observed {@link ObservedCluster#PENDING}). A name whose cluster was DELETED may be used
     * again: the record is replaced and its version goes on counting, so a writer holding a version of the old
     * cluster cannot touch the new one.
     *
     * @throws ClusterAlreadyExistsException when a cluster of that name exists and is not DELETED
     * @throws IllegalArgumentException when the spec is not valid (it is checked again before it is stored)
     */
    ClusterRecord create(ClusterSpec desired);

    Optional<ClusterRecord> find(String name);

    /** @throws ClusterNotFoundException when there is none */
    ClusterRecord get(String name);

    /**
     * Replaces the desired spec (valid, and its name must stay the cluster's).
     *
     * @throws StaleVersionException when the record is no longer at {@code expectedVersion}
     * @throws ClusterNotFoundException when there is no such cluster
     */
    ClusterRecord updateDesired(String name, long expectedVersion, ClusterSpec desired);

    /**
     * Replaces the observed state.
     *
     * @throws StaleVersionException when the record is no longer at {@code expectedVersion}
     * @throws ClusterNotFoundException when there is no such cluster
     */
    ClusterRecord updateObserved(String name, long expectedVersion, ObservedCluster observed);

    /**
     * Clusters in name order, {@code limit} at a time. The listing is eventually consistent (a cluster created a
     * moment ago may be missing).
     *
     * @param pageToken null for the first page, else {@link Page#nextToken()} of the previous one
     * @throws InvalidPageTokenException when the token was not made by this store
     */
    Page<ClusterRecord> list(int limit, String pageToken);
}
