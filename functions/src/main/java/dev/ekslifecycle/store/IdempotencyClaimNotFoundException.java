package dev.ekslifecycle.store;

/** A result was recorded for a key nobody claimed, or whose claim expired. */
public final class IdempotencyClaimNotFoundException extends NotFoundException {

    public IdempotencyClaimNotFoundException(String key) {
        super("idempotency key " + key + " is not claimed");
    }
}
