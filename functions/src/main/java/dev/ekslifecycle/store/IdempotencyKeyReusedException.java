package dev.ekslifecycle.store;

/** An idempotency key already used for a different request. */
public final class IdempotencyKeyReusedException extends StoreException {

    public IdempotencyKeyReusedException(String key) {
        super("idempotency key " + key + " was used for a different request");
    }
}
