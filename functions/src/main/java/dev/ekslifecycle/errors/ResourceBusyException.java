package dev.ekslifecycle.errors;

/**
 * EKS cannot act on a resource right now because another change is in progress on it or its cluster (for example a
 * second Fargate profile while one is CREATING). Workflows retry it after a pause.
 */
public class ResourceBusyException extends RuntimeException {

    public ResourceBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
