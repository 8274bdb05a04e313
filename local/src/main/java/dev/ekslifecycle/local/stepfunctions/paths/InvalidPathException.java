package dev.ekslifecycle.local.stepfunctions.paths;

/** A path, intrinsic function call or JSONata expression that cannot be parsed. */
public final class InvalidPathException extends IllegalArgumentException {

    public InvalidPathException(String message) {
        super(message);
    }
}
