package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.WorkGate;
import dev.ekslifecycle.local.files.PendingRecords;
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
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>With a data directory, every delivery is saved from the moment its event is acknowledged until its outcome is
 * recorded, so a restart resumes it where it stood: same attempt count, same due time, age counted from ingestion.
 */
final class TargetDelivery {

    private static final Logger LOG = Logger.getLogger(TargetDelivery.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    /** How long a stop waits for deliveries under way to record their outcome. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final AsyncInvocations lambda;
    private final SimulationClock clock;
    private final PendingRecords<PendingDelivery> pending;
    /** What the previous run left pending, until {@link #takeSaved} hands it over to be resumed. */
    private final Map<String, PendingDelivery> saved;
    private volatile StateMachineStarter stateMachines = StateMachineStarter.none();
    private volatile QueueSender queues = QueueSender.none();
    private final WorkGate attempts = new WorkGate();
    /** Rules that stand in for EventBridge Scheduler schedules: rule ARN → schedule ARN. */
    private final Map<String, String> schedules = new ConcurrentHashMap<>();

    /**
     * @throws java.io.UncheckedIOException naming the file when a saved delivery cannot be read
     */
    TargetDelivery(AsyncInvocations lambda, SimulationClock clock, PendingRecords<PendingDelivery> pending) {
        this.lambda = lambda;
        this.clock = clock;
        this.pending = pending;
        this.saved = pending.load();
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

    /**
     * Saves the delivery, so that it survives a restart once the event is acknowledged, and makes its first attempt
     * on the clock's pool; every attempt is added to {@code log}.
     */
    void deliver(PendingDelivery work, List<EventLog.Delivery> log) {
        if (attempts.isClosed()) {
            return;
        }
        pending.put(work.id(), work);
        clock.execute(() -> due(work, log));
    }

    /** The deliveries a previous run left pending, once; {@link #resume} each. */
    List<PendingDelivery> takeSaved() {
        List<PendingDelivery> taken = List.copyOf(saved.values());
        saved.clear();
        return taken;
    }

    /** Schedules a saved delivery at its due time: at once when that passed while the local cloud was stopped. */
    void resume(PendingDelivery work, List<EventLog.Delivery> log) {
        schedule(work, log);
    }

    /**
     * Stops attempting: retries that fall due from now on do nothing and stay saved for the next start. Attempts
     * under way are waited for (up to 10 s of real time) so that they record their outcome.
     */
    void close() {
        if (!attempts.close(STOP_WAIT)) {
            LOG.warning("a target delivery was still running when EventBridge stopped; it is made again at the next "
                    + "start");
        }
    }

    private void schedule(PendingDelivery work, List<EventLog.Delivery> log) {
        clock.schedule(work.dueAt(), () -> due(work, log));
    }

    /** An attempt is due; once stopped, the delivery stays saved for the next start instead. */
    private void due(PendingDelivery work, List<EventLog.Delivery> log) {
        if (!attempts.enter()) {
            return;
        }
        try {
            attemptOrGiveUp(work, log);
        } finally {
            attempts.exit();
        }
    }

    /** Makes the attempt, unless the event is older than the policy allows (downtime included). */
    private void attemptOrGiveUp(PendingDelivery work, List<EventLog.Delivery> log) {
        if (work.age(clock.instant()).toSeconds() > work.target().retryPolicyOrDefault().maximumEventAgeInSeconds()) {
            giveUp(work, work.errorCode(), work.errorMessage(), Math.max(0, work.attempts() - 1),
                    "MaximumEventAgeInSeconds");
        } else {
            attempt(work, log);
        }
    }

    /**
     * Delivers and records the outcome: the saved delivery is replaced by its retry or removed only after that, so
     * a crash during an attempt repeats it at the next start (at least once, as EventBridge is).
     */
    private void attempt(PendingDelivery work, List<EventLog.Delivery> log) {
        Target target = work.target();
        try {
            String result = invoke(target.arn(), work.input());
            log.add(new EventLog.Delivery(work.ruleArn(), target.id(), target.arn(), work.input(), true, result,
                    clock.instant()));
            pending.remove(work.id());
        } catch (DeliveryFailure failure) {
            log.add(new EventLog.Delivery(work.ruleArn(), target.id(), target.arn(), work.input(), false,
                    failure.code() + ": " + failure.getMessage(), clock.instant()));
            retryOrGiveUp(work, log, failure);
        }
    }

    private void retryOrGiveUp(PendingDelivery work, List<EventLog.Delivery> log, DeliveryFailure failure) {
        int retriesMade = work.attempts();
        if (!failure.retryable()) {
            giveUp(work, failure.code(), failure.getMessage(), retriesMade, null);
            return;
        }
        Target.RetryPolicy policy = work.target().retryPolicyOrDefault();
        if (retriesMade >= policy.maximumRetryAttempts()) {
            giveUp(work, failure.code(), failure.getMessage(), retriesMade, "MaximumRetryAttempts");
            return;
        }
        Instant next = clock.instant().plus(backoff(retriesMade));
        if (work.age(next).toSeconds() > policy.maximumEventAgeInSeconds()) {
            giveUp(work, failure.code(), failure.getMessage(), retriesMade, "MaximumEventAgeInSeconds");
            return;
        }
        PendingDelivery retry = work.failedAttempt(failure, next);
        pending.put(retry.id(), retry);
        schedule(retry, log);
    }

    private static Duration backoff(int retries) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(retries, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /**
     * Ends the delivery: the event, with what went wrong as message attributes, goes to the target's dead-letter
     * queue if it has one. {@code errorCode} and {@code errorMessage} are null for an event that grew too old before
     * its first attempt (across a restart).
     */
    private void giveUp(PendingDelivery work, String errorCode, String errorMessage, int retries,
                        String exhaustedCondition) {
        String queue = work.target().deadLetterArn();
        if (queue != null) {
            sendDeadLetter(queue, work, errorCode, errorMessage, retries, exhaustedCondition);
        }
        pending.remove(work.id());
    }

    private void sendDeadLetter(String queue, PendingDelivery work, String errorCode, String errorMessage,
                                int retries, String exhaustedCondition) {
        String schedule = schedules.get(work.ruleArn());
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        if (schedule == null) {
            attributes.put("RULE_ARN", MessageAttribute.string(work.ruleArn()));
        } else {
            // EventBridge Scheduler's dead letter: the target's input, with the schedule and the attempt
            attributes.put("SCHEDULE_ARN", MessageAttribute.string(schedule));
            attributes.put("EXECUTION_ID", MessageAttribute.string(work.executionId()));
            attributes.put("SCHEDULED_TIME", MessageAttribute.string(work.ingested().toString()));
            attributes.put("IS_PAYLOAD_TRUNCATED", MessageAttribute.string("false"));
        }
        attributes.put("TARGET_ARN", MessageAttribute.string(work.target().arn()));
        if (errorCode != null) {
            attributes.put("ERROR_CODE", MessageAttribute.string(errorCode));
            attributes.put("ERROR_MESSAGE", MessageAttribute.string(errorMessage));
        }
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
