package dev.ekslifecycle.store;

/** A state-store request refused for a reason the caller can act on; each reason is a subclass. */
public abstract class StoreException extends RuntimeException {

    protected StoreException(String message) {
        super(message);
    }
}
