package dev.ekslifecycle.local.lambda;

import java.time.Duration;
import java.time.Instant;

/**
 * An event Lambda has accepted for asynchronous invocation and not finished with, as it is saved between attempts:
 * the function as a qualifier names it, the event and when it arrived (its age counts from then, across restarts),
 * how many attempts were made, when the next one is due and what the last one answered (null before the first).
 */
record PendingInvocation(String requestId, String functionName, String qualifier, byte[] payload, Instant queuedAt,
                         int attempts, Instant dueAt, Invocation last) {

    /** An event just queued: its first attempt is due now. */
    static PendingInvocation queued(String requestId, String functionName, String qualifier, byte[] payload,
                                    Instant now) {
        return new PendingInvocation(requestId, functionName, qualifier, payload, now, 0, now, null);
    }

    /** The event after one more failed attempt, to be tried again at {@code nextDue}. */
    PendingInvocation failedAttempt(Invocation result, Instant nextDue) {
        return new PendingInvocation(requestId, functionName, qualifier, payload, queuedAt, attempts + 1, nextDue,
                result);
    }

    Duration age(Instant now) {
        return Duration.between(queuedAt, now);
    }
}
