package dev.ekslifecycle.store;

import java.util.List;

/**
 * Each cluster's audit log of findings and signals that belong to no operation (operations keep their own step
 * log). Entries are written once: delivery of what they record is at least once, so a repeat must not add a second
 * entry.
 */
public interface ClusterAuditLog {

    /** Writes the entry unless the cluster's log already has one with its id; true when this call wrote it. */
    boolean append(String clusterName, AuditEntry entry);

    /** The cluster's entries in id order. */
    List<AuditEntry> entries(String clusterName);
}
