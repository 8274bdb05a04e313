package dev.ekslifecycle.store;

/** A page token this store did not make, or made for another listing. */
public final class InvalidPageTokenException extends StoreException {

    public InvalidPageTokenException() {
        super("the page token is not valid for this listing");
    }
}
