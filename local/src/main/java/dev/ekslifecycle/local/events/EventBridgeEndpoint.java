package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge's awsJson1_1 API: {@code X-Amz-Target: AWSEvents.<Operation>}, JSON in and out, client errors as
 * HTTP 400 with the error code in {@code __type}.
 */
public final class EventBridgeEndpoint implements Endpoint {

    private static final String TARGET_PREFIX = "AWSEvents.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Map<String, Operation> operations = new HashMap<>();
    private final FaultInjector faults;

    public EventBridgeEndpoint(EventBridge events, FaultInjector faults) {
        this.faults = faults;
        operations.put("PutEvents", new PutEventsOperation(events));
        new BusOperations(events).register(operations);
        new RuleOperations(events).register(operations);
        new TargetOperations(events).register(operations);
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public boolean accepts(Request request) {
        return request.awsJsonOperation(TARGET_PREFIX).isPresent();
    }

    @Override
    public Response handle(Request request) {
        String name = request.awsJsonOperation(TARGET_PREFIX).orElseThrow();
        Operation operation = operations.get(name);
        if (operation == null) {
            return AwsErrorResponse.json(400, "UnknownOperationException",
                    "The local EventBridge does not implement " + name + ".");
        }
        JsonNode body;
        try {
            body = Operation.JSON.readTree(request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body());
        } catch (IOException e) {
            return AwsErrorResponse.json(400, "SerializationException", "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            return AwsErrorResponse.json(400, "SerializationException", "The request body is not a JSON object.");
        }
        Optional<Response> fault = AwsErrorResponse.injectedFault(faults, name(), name, resourceOf(body));
        if (fault.isPresent()) {
            return fault.get();
        }
        try {
            return Response.of(200, CONTENT_TYPE, operation.apply(body).toString());
        } catch (EventsException e) {
            return AwsErrorResponse.json(400, e.code(), e.getMessage());
        }
    }

    /** The resource a fault rule can name: the rule, or else the bus, of the call. */
    private static String resourceOf(JsonNode body) {
        String rule = Operation.text(body, "Rule");
        if (rule != null) {
            return rule;
        }
        String name = Operation.text(body, "Name");
        return name != null ? name : String.valueOf(Operation.text(body, "EventBusName"));
    }
}
