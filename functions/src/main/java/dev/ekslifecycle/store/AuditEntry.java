package dev.ekslifecycle.store;

import java.time.Instant;

/**
 * One entry of a cluster's audit log: something learnt about the cluster outside any operation (a drift finding, a
 * node health signal). {@code id} is chosen by the writer from what the entry is about, so that writing the same
 * finding or signal again is recognised as a repeat.
 */
public record AuditEntry(String id, Instant at, String kind, String detail) {

    public AuditEntry {
        if (id == null || id.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an audit entry has an id and a kind");
        }
    }
}
