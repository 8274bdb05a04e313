package dev.ekslifecycle.domain;

/** One thing wrong with a document: where ({@link FieldPath} notation) and why, in words for a human. */
public record Problem(String path, String reason) {
}
