package dev.ekslifecycle.errors;

/** EKS reports an add-on as CREATE_FAILED: the create workflow fails with this error name. */
public class AddonFailedException extends RuntimeException {

    public AddonFailedException(String message) {
        super(message);
    }
}
