package dev.ekslifecycle.store;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ObservedCluster;
import java.time.Instant;

/**
 * A cluster as the store keeps it: what was asked for, what was last seen, and the record's version. Every write
 * names the version it read and makes the next one; a writer holding an older version fails.
 */
public record ClusterRecord(String name, ClusterSpec desired, ObservedCluster observed, long version,
                            Instant createdAt, Instant updatedAt) {
}
