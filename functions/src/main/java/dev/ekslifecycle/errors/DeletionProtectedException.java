package dev.ekslifecycle.errors;

/**
 * EKS's own deletion protection is on and the delete request did not ask to lift it. Not retried: the workflow
 * fails with this error name and nothing is deleted.
 */
public class DeletionProtectedException extends RuntimeException {

    public DeletionProtectedException(String message) {
        super(message);
    }
}
