package dev.ekslifecycle.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.sqs.MessageAttribute;
import dev.ekslifecycle.local.sqs.QueueSender;
import dev.ekslifecycle.local.sqs.SqsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 */
public final class AsyncInvocations {

    private static final Logger LOG = Logger.getLogger(AsyncInvocations.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration[] RETRY_DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(2)};
    private static final int MAX_DLQ_ERROR_MESSAGE = 1024;

    private final LambdaFunctions functions;
    private final SimulationClock clock;
    private final FaultInjector faults;
    private volatile QueueSender queues = QueueSender.none();

    public AsyncInvocations(LambdaFunctions functions, SimulationClock clock, FaultInjector faults) {
        this.functions = functions;
        this.clock = clock;
        this.faults = faults;
    }

    /** Connects SQS, where records and dead letters go. */
    public void connectQueues(QueueSender sender) {
        this.queues = sender;
    }

    /**
     * Queues an event for the function {@code reference} names, as a service calling Invoke with InvocationType
     * {@code Event} does: the shared fault injector may refuse it ({@code lambda}/{@code Invoke}/function name).
     *
     * @return the request id
     * @throws InvokeRejected when the function does not exist or the call is refused
     */
    public String invoke(String reference, byte[] payload) throws InvokeRejected {
        String name = functions.resolve(reference).orElseThrow(() -> new InvokeRejected(
                "ResourceNotFoundException", 404, "Function not found: "
                        + (reference.startsWith("arn:") ? reference : functions.arn(reference))));
        Optional<InjectedFault> fault = faults.onCall("lambda", "Invoke", name);
        if (fault.isPresent() && fault.get().isError()) {
            throw new InvokeRejected(fault.get().errorCode(), fault.get().httpStatus(),
                    fault.get().messageOrDefault());
        }
        return queue(name, LambdaFunctions.qualifier(reference), payload);
    }

    /** Queues an event for a registered function, named with {@code qualifier}, that the caller has checked. */
    public String accept(String functionName, String qualifier, byte[] payload) {
        return queue(functionName, qualifier, payload);
    }

    private String queue(String functionName, String qualifier, byte[] payload) {
        Event event = new Event(functionName, qualifier, UUID.randomUUID().toString(), payload, clock.instant());
        clock.execute(() -> attempt(event, 1));
        return event.requestId();
    }

    /** An event for the function as a qualifier ({@code $LATEST} or an alias) names it. */
    private record Event(String functionName, String qualifier, String requestId, byte[] payload, Instant queuedAt) {
    }

    private void attempt(Event event, int attempt) {
        AsyncInvokeConfig config = functions.asyncConfig(event.functionName());
        Invocation result = functions.invoke(event.functionName(), event.payload());
        if (!result.failed()) {
            Optional.ofNullable(config.onSuccess()).ifPresent(arn ->
                    send(arn, record(event, "Success", attempt, result).toString(), Map.of()));
            return;
        }
        if (attempt > config.maximumRetryAttempts()) {
            failed(event, config, "RetriesExhausted", attempt, result);
            return;
        }
        clock.scheduleAfter(RETRY_DELAYS[attempt - 1], () -> {
            if (Duration.between(event.queuedAt(), clock.instant()).compareTo(config.maximumEventAge()) > 0) {
                failed(event, config, "EventAgeExceeded", attempt, result);
            } else {
                attempt(event, attempt + 1);
            }
        });
    }

    private void failed(Event event, AsyncInvokeConfig config, String condition, int invokeCount, Invocation last) {
        Optional.ofNullable(config.onFailure()).ifPresent(arn ->
                send(arn, record(event, condition, invokeCount, last).toString(), Map.of()));
        Optional.ofNullable(config.deadLetterQueue()).ifPresent(arn ->
                send(arn, new String(event.payload(), StandardCharsets.UTF_8), deadLetterAttributes(event, last)));
    }

    /** The invocation record Lambda sends to a destination. */
    private ObjectNode record(Event event, String condition, int invokeCount, Invocation last) {
        ObjectNode record = JSON.createObjectNode().put("version", "1.0")
                .put("timestamp", clock.instant().toString());
        record.putObject("requestContext")
                .put("requestId", event.requestId())
                .put("functionArn", functions.arn(event.functionName()) + ":" + event.qualifier())
                .put("condition", condition)
                .put("approximateInvokeCount", invokeCount);
        record.set("requestPayload", json(event.payload()));
        ObjectNode response = record.putObject("responseContext").put("statusCode", 200)
                .put("executedVersion", "$LATEST");
        if (last.failed()) {
            response.put("functionError", last.functionError());
        }
        record.set("responsePayload", json(last.payload()));
        return record;
    }

    /** A dead letter carries the event as its body and these attributes. */
    private static Map<String, MessageAttribute> deadLetterAttributes(Event event, Invocation last) {
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
