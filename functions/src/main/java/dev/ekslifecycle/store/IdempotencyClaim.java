package dev.ekslifecycle.store;

/** What {@link IdempotencyStore#claim} answers. */
public sealed interface IdempotencyClaim {

    /** The caller is first with this key: it does the work, then calls {@link IdempotencyStore#complete}. */
    record First() implements IdempotencyClaim {
    }

    /** The same request was done before: answer with its result. */
    record Completed(String result) implements IdempotencyClaim {
    }

    /** The same request is being done by another caller right now. */
    record InProgress() implements IdempotencyClaim {
    }
}
