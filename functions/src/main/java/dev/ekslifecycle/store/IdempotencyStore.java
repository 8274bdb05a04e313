package dev.ekslifecycle.store;

import java.time.Duration;

/**
 * Idempotency keys: the first request with a key does the work and records its result; the same key with the same
 * request later gets that result; the same key with a different request is refused. Requests are compared by a
 * hash of their exact text, so callers pass a canonical form. Keys expire after their time to live.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for {@code request} until now + {@code ttl}.
     *
     * @throws IdempotencyKeyReusedException when the key is held for a different request
     */
    IdempotencyClaim claim(String key, String request, Duration ttl);

    /**
     * Records the result of the claimed request.
     *
     * @throws IdempotencyKeyReusedException when the key is held for a different request
     * @throws IdempotencyClaimNotFoundException when the key is not claimed (or expired)
     */
    void complete(String key, String request, String result);

    /** Drops an unfinished claim so that a retry can do the work; a completed key is kept. */
    void abandon(String key, String request);
}
