package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.lambda.AsyncInvocations;
import dev.ekslifecycle.local.lambda.InvokeRejected;
import dev.ekslifecycle.local.sqs.MessageAttribute;
import dev.ekslifecycle.local.sqs.QueueSender;
import dev.ekslifecycle.local.sqs.SqsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a target its input, as EventBridge does: a Lambda function is invoked asynchronously (Lambda then owns
 * the retries of function errors, see {@link AsyncInvocations}), a state machine gets StartExecution, an SQS queue
 * SendMessage. A delivery that fails for a reason that may pass (throttling, a server error) is retried on the
 * clock after 1, 2, 4... seconds, doubling up to 5 minutes, within the target's {@link Target.RetryPolicy}; one
 * that cannot succeed (the target does not exist) is not retried. An event that is given up on goes to the
 * target's dead-letter queue with the attributes EventBridge documents (or, for a rule that stands in for an
 * EventBridge Scheduler schedule, the target's input with the Scheduler's attributes). Every attempt is recorded
 * in the event log.
 */
final class TargetDelivery {

    private static final Logger LOG = Logger.getLogger(TargetDelivery.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final AsyncInvocations lambda;
    private final SimulationClock clock;
    private volatile StateMachineStarter stateMachines = StateMachineStarter.none();
    private volatile QueueSender queues = QueueSender.none();
    /** Rules that stand in for EventBridge Scheduler schedules: rule ARN → schedule ARN. */
    private final Map<String, String> schedules = new java.util.concurrent.ConcurrentHashMap<>();

    TargetDelivery(AsyncInvocations lambda, SimulationClock clock) {
        this.lambda = lambda;
        this.clock = clock;
    }

    void connect(StateMachineStarter starter) {
        this.stateMachines = starter;
    }

    void connect(QueueSender sender) {
        this.queues = sender;
    }

    void actAsSchedule(String ruleArn, String scheduleArn) {
        schedules.put(ruleArn, scheduleArn);
    }

    /** One event on its way to one target. */
    record Work(Rule rule, Target target, String input, String event, Instant ingested,
                List<EventLog.Delivery> log) {

        /** The id of this event's delivery to this target, the same across its retries. */
        String executionId() {
            return Integer.toHexString(java.util.Objects.hash(event, target.id()));
        }
    }

    /** Delivers now, and again later while the retry policy allows; runs on the clock's pool. */
    void deliver(Work work) {
        attempt(work, 0);
    }

    private void attempt(Work work, int retries) {
        Target target = work.target();
        try {
            String result = invoke(target.arn(), work.input());
            work.log().add(new EventLog.Delivery(work.rule().arn(), target.id(), target.arn(), work.input(), true,
                    result, clock.instant()));
        } catch (DeliveryFailure failure) {
            work.log().add(new EventLog.Delivery(work.rule().arn(), target.id(), target.arn(), work.input(), false,
                    failure.code() + ": " + failure.getMessage(), clock.instant()));
            retryOrGiveUp(work, retries, failure);
        }
    }

    private void retryOrGiveUp(Work work, int retries, DeliveryFailure failure) {
        if (!failure.retryable()) {
            deadLetter(work, failure, retries, null);
            return;
        }
        Target.RetryPolicy policy = work.target().retryPolicyOrDefault();
        if (retries >= policy.maximumRetryAttempts()) {
            deadLetter(work, failure, retries, "MaximumRetryAttempts");
            return;
        }
        Instant next = clock.instant().plus(backoff(retries));
        if (Duration.between(work.ingested(), next).toSeconds() > policy.maximumEventAgeInSeconds()) {
            deadLetter(work, failure, retries, "MaximumEventAgeInSeconds");
            return;
        }
        clock.schedule(next, () -> attempt(work, retries + 1));
    }

    private static Duration backoff(int retries) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(retries, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** The event, with what went wrong as message attributes, to the target's dead-letter queue if it has one. */
    private void deadLetter(Work work, DeliveryFailure failure, int retries, String exhaustedCondition) {
        String queue = work.target().deadLetterArn();
        if (queue == null) {
            return;
        }
        String schedule = schedules.get(work.rule().arn());
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        if (schedule == null) {
            attributes.put("RULE_ARN", MessageAttribute.string(work.rule().arn()));
        } else {
            // EventBridge Scheduler's dead letter: the target's input, with the schedule and the attempt
            attributes.put("SCHEDULE_ARN", MessageAttribute.string(schedule));
            attributes.put("EXECUTION_ID", MessageAttribute.string(work.executionId()));
            attributes.put("SCHEDULED_TIME", MessageAttribute.string(work.ingested().toString()));
            attributes.put("IS_PAYLOAD_TRUNCATED", MessageAttribute.string("false"));
        }
        attributes.put("TARGET_ARN", MessageAttribute.string(work.target().arn()));
        attributes.put("ERROR_CODE", MessageAttribute.string(failure.code()));
        attributes.put("ERROR_MESSAGE", MessageAttribute.string(failure.getMessage()));
        if (exhaustedCondition != null) {
            attributes.put("EXHAUSTED_RETRY_CONDITION", MessageAttribute.string(exhaustedCondition));
        }
        attributes.put("RETRY_ATTEMPTS", MessageAttribute.string(Integer.toString(retries)));
        try {
            queues.send(queue, schedule == null ? work.event() : work.input(), attributes);
        } catch (SqsException e) {
            // on AWS this is the InvocationsFailedToBeSentToDlq metric; the event is dropped
            LOG.log(Level.WARNING, "could not send a dead letter to " + queue + ": " + e.getMessage());
        }
    }

    private String invoke(String arn, String input) {
        if (arn.contains(":states:") && arn.contains(":stateMachine:")) {
            return stateMachines.startExecution(arn, input);
        }
        if (arn.contains(":lambda:")) {
            try {
                return "RequestId: " + lambda.invoke(arn, input.getBytes(StandardCharsets.UTF_8));
            } catch (InvokeRejected e) {
                throw DeliveryFailure.fromServiceError(e.errorCode(), e.status(), e.getMessage());
            }
        }
        if (arn.contains(":sqs:")) {
            try {
                queues.send(arn, input, Map.of());
                return "sent to " + arn;
            } catch (SqsException e) {
                throw DeliveryFailure.fromServiceError(e.type(), e.status(), e.getMessage());
            }
        }
        throw new DeliveryFailure("INVALID_PARAMETER", "target " + arn + " is not a Lambda function, a state machine "
                + "or an SQS queue; the local EventBridge delivers to those only", false);
    }
}
