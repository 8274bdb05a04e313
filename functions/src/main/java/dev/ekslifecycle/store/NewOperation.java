package dev.ekslifecycle.store;

import java.util.Objects;

/** What a caller asks for when starting an operation; {@code input} is the request document (JSON). */
public record NewOperation(String clusterName, OperationType type, String requester, String input) {

    public NewOperation {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(input, "input");
    }
}
