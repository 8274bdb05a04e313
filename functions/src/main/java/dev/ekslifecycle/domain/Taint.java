package dev.ekslifecycle.domain;

/** A taint put on every node of a managed node group; {@code value} may be null. */
public record Taint(String key, String value, TaintEffect effect) {
}
