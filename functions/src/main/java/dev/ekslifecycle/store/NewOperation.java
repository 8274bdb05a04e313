package dev.ekslifecycle.store;

/** What a caller asks for when starting an operation; {@code input} is the request document (JSON). */
public record NewOperation(String clusterName, OperationType type, String requester, String input) {
}
