package dev.ekslifecycle.errors;

/**
 * The EKS resource exists but does not carry eks-lifecycle's managed-by tag: we never adopt, change or delete
 * what somebody else created. Not retried; the workflow fails with this error name.
 */
public class ClusterNotManagedException extends RuntimeException {

    public ClusterNotManagedException(String message) {
        super(message);
    }
}
