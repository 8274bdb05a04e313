package dev.ekslifecycle.store;

import java.time.Instant;

/** One entry of an operation's audit trail; sequences run 1, 2, 3... without gaps. */
public record StepEntry(int sequence, Instant at, String name, String detail) {
}
