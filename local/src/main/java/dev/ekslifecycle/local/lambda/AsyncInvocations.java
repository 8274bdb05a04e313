package dev.ekslifecycle.local.lambda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.WorkGate;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.sqs.MessageAttribute;
import dev.ekslifecycle.local.sqs.QueueSender;
import dev.ekslifecycle.local.sqs.SqsException;
import dev.ekslifecycle.local.files.PendingRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's asynchronous invocation (InvocationType {@code Event}, and how EventBridge and the Scheduler invoke
 * functions): the event is queued and the function runs on the clock's pool; a function error is retried per the
 * function's {@link AsyncInvokeConfig} after 1 and then 2 minutes of simulation time, an event older than its
 * maximum age is not tried again, and an event that fails for good goes to the failure destination as an
 * invocation record and to the dead-letter queue as the event itself, as Lambda documents both.
 *
 * <p>With a directory, every event is saved from the moment it is accepted until its outcome is recorded, so a
 * restart resumes it where it stood. The window that remains is at least once, as on AWS: a crash while an
 * attempt runs (or while its record or dead letter is being sent) repeats that attempt (or send) at the next start.
 */
public final class AsyncInvocations {

    private static final Logger LOG = Logger.getLogger(AsyncInvocations.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration[] RETRY_DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(2)};
    private static final int MAX_DLQ_ERROR_MESSAGE = 1024;
    /** How long a stop waits for attempts under way to record their outcome. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final LambdaFunctions functions;
    private final SimulationClock clock;
    private final FaultGate faults;
    private final PendingRecords<PendingInvocation> pending;
    /** What the previous run left pending, until {@link #resume} schedules it. */
    private final Map<String, PendingInvocation> saved;
    private final WorkGate attempts = new WorkGate();
    private volatile QueueSender queues = QueueSender.none();

    /** Keeps queued events and pending retries in memory only. */
    public AsyncInvocations(LambdaFunctions functions, SimulationClock clock, FaultInjector faults) {
        this(functions, clock, faults, Optional.empty());
    }

    /**
     * Keeps each queued event and pending retry as a file in {@code directory}, from the moment the event is
     * accepted until its outcome is recorded; what a previous run left there is read now and resumed by
     * {@link #resume}.
     *
     * @throws java.io.UncheckedIOException naming the file when a saved event cannot be read
     */
    public AsyncInvocations(LambdaFunctions functions, SimulationClock clock, FaultInjector faults,
                            Optional<Path> directory) {
        this.functions = functions;
        this.clock = clock;
        this.faults = new FaultGate(faults, "lambda");
        this.pending = directory.map(d -> PendingRecords.in(d, new TypeReference<PendingInvocation>() { },
                "a pending asynchronous invocation")).orElseGet(PendingRecords::inMemory);
        this.saved = pending.load();
    }

    /** Connects SQS, where records and dead letters go. */
    public void connectQueues(QueueSender sender) {
        this.queues = sender;
    }

    /**
     * Schedules the events a previous run left pending, each at its due time (at once when that passed while the
     * local cloud was stopped), with its attempt count and its original arrival time. Call it once the functions
     * are registered: an event whose function is gone by then is dropped, as Lambda drops the events of a deleted
     * function.
     */
    public void resume() {
        List<PendingInvocation> resumed = List.copyOf(saved.values());
        saved.clear();
        resumed.forEach(this::schedule);
    }

    /**
     * Stops attempting: retries that fall due from now on do nothing and stay saved for the next start. Attempts
     * under way are waited for (up to 10 s of real time) so that they record their outcome.
     */
    public void close() {
        if (!attempts.close(STOP_WAIT)) {
            LOG.warning("an asynchronous invocation was still running when Lambda stopped; it is made again at the "
                    + "next start");
        }
    }

    /**
     * Queues an event for the function {@code reference} names, as a service calling Invoke with InvocationType
     * {@code Event} does: the shared fault injector may delay or refuse it ({@code lambda}/{@code Invoke}/function
     * name).
     *
     * @return the request id
     * @throws InvokeRejected when the function does not exist or the call is refused
     */
    public String invoke(String reference, byte[] payload) throws InvokeRejected {
        String name = functions.resolve(reference).orElseThrow(() -> new InvokeRejected(
                "ResourceNotFoundException", 404, "Function not found: "
                        + (reference.startsWith("arn:") ? reference : functions.arn(reference))));
        // As the Lambda endpoint does: the caller (EventBridge's delivery, the Scheduler) waits any injected latency.
        Optional<InjectedFault> fault = faults.check("Invoke", name);
        if (fault.isPresent()) {
            throw new InvokeRejected(fault.get().errorCode(), fault.get().httpStatus(),
                    fault.get().messageOrDefault());
        }
        return queue(name, LambdaFunctions.qualifier(reference), payload);
    }

    /** Queues an event for a registered function, named with {@code qualifier}, that the caller has checked. */
    public String accept(String functionName, String qualifier, byte[] payload) {
        return queue(functionName, qualifier, payload);
    }

    /** Saves the event before the caller acknowledges it, so an acknowledged event survives a restart. */
    private String queue(String functionName, String qualifier, byte[] payload) {
        PendingInvocation event = PendingInvocation.queued(UUID.randomUUID().toString(), functionName, qualifier,
                payload, clock.instant());
        pending.put(event.requestId(), event);
        clock.execute(() -> due(event));
        return event.requestId();
    }

    private void schedule(PendingInvocation event) {
        clock.schedule(event.dueAt(), () -> due(event));
    }

    /** An attempt is due; once stopped, the event stays saved for the next start instead. */
    private void due(PendingInvocation event) {
        if (!attempts.enter()) {
            return;
        }
        try {
            attemptOrGiveUp(event);
        } finally {
            attempts.exit();
        }
    }

    /** Makes the attempt, unless the function is gone or the event is older than its maximum age (downtime too). */
    private void attemptOrGiveUp(PendingInvocation event) {
        if (functions.resolve(event.functionName()).isEmpty()) {
            LOG.warning("dropping event " + event.requestId() + ": function " + event.functionName()
                    + " no longer exists");
            pending.remove(event.requestId());
            return;
        }
        AsyncInvokeConfig config = functions.asyncConfig(event.functionName());
        if (event.age(clock.instant()).compareTo(config.maximumEventAge()) > 0) {
            failed(event, config, "EventAgeExceeded", event.attempts(), event.last());
        } else {
            attempt(event, config);
        }
    }

    /**
     * Runs the function and records the outcome: the record is replaced by the retry or removed only after that,
     * so a crash during an attempt repeats the attempt at the next start (at least once, as Lambda is).
     */
    private void attempt(PendingInvocation event, AsyncInvokeConfig config) {
        Invocation result = functions.invoke(event.functionName(), event.payload());
        int attempt = event.attempts() + 1;
        if (!result.failed()) {
            Optional.ofNullable(config.onSuccess()).ifPresent(arn ->
                    send(arn, record(event, "Success", attempt, result).toString(), Map.of()));
            pending.remove(event.requestId());
            return;
        }
        if (attempt > config.maximumRetryAttempts()) {
            failed(event, config, "RetriesExhausted", attempt, result);
            return;
        }
        PendingInvocation retry = event.failedAttempt(result, clock.instant().plus(RETRY_DELAYS[attempt - 1]));
        pending.put(retry.requestId(), retry);
        schedule(retry);
    }

    /** {@code last} is null for an event that grew too old before its first attempt (across a restart). */
    private void failed(PendingInvocation event, AsyncInvokeConfig config, String condition, int invokeCount,
                        Invocation last) {
        Optional.ofNullable(config.onFailure()).ifPresent(arn ->
                send(arn, record(event, condition, invokeCount, last).toString(), Map.of()));
        Optional.ofNullable(config.deadLetterQueue()).ifPresent(arn ->
                send(arn, new String(event.payload(), StandardCharsets.UTF_8), deadLetterAttributes(event, last)));
        pending.remove(event.requestId());
    }

    /** The invocation record Lambda sends to a destination. */
    private ObjectNode record(PendingInvocation event, String condition, int invokeCount, Invocation last) {
        ObjectNode record = JSON.createObjectNode().put("version", "1.0")
                .put("timestamp", clock.instant().toString());
        record.putObject("requestContext")
                .put("requestId", event.requestId())
                .put("functionArn", functions.arn(event.functionName()) + ":" + event.qualifier())
                .put("condition", condition)
                .put("approximateInvokeCount", invokeCount);
        record.set("requestPayload", json(event.payload()));
        if (last == null) {
            return record;
        }
        ObjectNode response = record.putObject("responseContext").put("statusCode", 200)
                .put("executedVersion", "$LATEST");
        if (last.failed()) {
            response.put("functionError", last.functionError());
        }
        record.set("responsePayload", json(last.payload()));
        return record;
    }

    /** A dead letter carries the event as its body and these attributes. */
    private static Map<String, MessageAttribute> deadLetterAttributes(PendingInvocation event, Invocation last) {
        if (last == null) {
            return Map.of("RequestID", MessageAttribute.string(event.requestId()));
        }
        String message = json(last.payload()).path("errorMessage").asText(last.payloadText());
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put("RequestID", MessageAttribute.string(event.requestId()));
        attributes.put("ErrorCode", MessageAttribute.number(200));
        attributes.put("ErrorMessage", MessageAttribute.string(
                message.length() > MAX_DLQ_ERROR_MESSAGE ? message.substring(0, MAX_DLQ_ERROR_MESSAGE) : message));
        return attributes;
    }

    private void send(String queueArn, String body, Map<String, MessageAttribute> attributes) {
        try {
            queues.send(queueArn, body, attributes);
        } catch (SqsException e) {
            // on AWS this is the DestinationDeliveryFailures metric; the record is lost either way
            LOG.log(Level.WARNING, "could not send to " + queueArn + ": " + e.type() + ": " + e.getMessage());
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node == null ? JSON.nullNode() : node;
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
