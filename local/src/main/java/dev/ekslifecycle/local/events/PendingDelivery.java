package dev.ekslifecycle.local.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one target of a rule, as it is saved between attempts: the rule, the target as it was
 * when the event matched, what the target gets, the event and when it was ingested (its age counts from then,
 * across restarts), how many attempts were made, when the next one is due and the error of the last one (null
 * before the first).
 */
record PendingDelivery(String id, String busName, String ruleName, String ruleArn, Target target, String input,
                       String event, Instant ingested, int attempts, Instant dueAt, String errorCode,
                       String errorMessage) {

    /** A delivery of an event just ingested: its first attempt is due now. */
    static PendingDelivery first(String id, Rule rule, Target target, String input, String event, Instant ingested) {
        return new PendingDelivery(id, rule.busName(), rule.name(), rule.arn(), target, input, event, ingested, 0,
                ingested, null, null);
    }

    /** The delivery after one more failed attempt, to be retried at {@code nextDue}. */
    PendingDelivery failedAttempt(DeliveryFailure failure, Instant nextDue) {
        return new PendingDelivery(id, busName, ruleName, ruleArn, target, input, event, ingested, attempts + 1,
                nextDue, failure.code(), failure.getMessage());
    }

    /** The id of this event's delivery to this target, the same across its retries. */
    String executionId() {
        return Integer.toHexString(Objects.hash(event, target.id()));
    }

    Duration age(Instant now) {
        return Duration.between(ingested, now);
    }
}
