package dev.ekslifecycle.store;

/** The record asked for does not exist. */
public abstract class NotFoundException extends StoreException {

    protected NotFoundException(String message) {
        super(message);
    }
}
