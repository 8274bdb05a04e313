package dev.ekslifecycle.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's event invoke config operations ({@code /2019-09-25/functions/NAME/event-invoke-config}): Put (replaces:
 * what is not given is Lambda's default again), Update (merges), Get and Delete, on the settings
 * {@link AsyncInvocations} follows. Destinations are SQS queues locally.
 */
final class EventInvokeConfigApi {

    static final String PREFIX = "/2019-09-25/functions/";
    private static final String SUFFIX = "/event-invoke-config";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaFunctions functions;
    private final Clock clock;
    private final Map<String, Instant> lastModified = new ConcurrentHashMap<>();

    EventInvokeConfigApi(LambdaFunctions functions, Clock clock) {
        this.functions = functions;
        this.clock = clock;
    }

    /** The operation a request names, or null when it names none of these. */
    static String operation(Request request) {
        if (!request.path().startsWith(PREFIX) || !request.path().endsWith(SUFFIX)) {
            return null;
        }
        return switch (request.method()) {
            case "PUT" -> "PutFunctionEventInvokeConfig";
            case "POST" -> "UpdateFunctionEventInvokeConfig";
            case "GET" -> "GetFunctionEventInvokeConfig";
            case "DELETE" -> "DeleteFunctionEventInvokeConfig";
            default -> null;
        };
    }

    /** The function the path names, as given (a name or an ARN). */
    static String reference(Request request) {
        return request.path().substring(PREFIX.length(), request.path().length() - SUFFIX.length());
    }

    Response handle(String operation, String name, Request request) {
        Optional<AsyncInvokeConfig> current = functions.eventInvokeConfig(name);
        switch (operation) {
            case "GetFunctionEventInvokeConfig" -> {
                return current.map(c -> render(name, c)).orElseGet(() -> notConfigured(name));
            }
            case "DeleteFunctionEventInvokeConfig" -> {
                return functions.deleteEventInvokeConfig(name) ? Response.empty(204) : notConfigured(name);
            }
            default -> {
                JsonNode body;
                try {
                    body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
                } catch (IOException e) {
                    return AwsErrorResponse.json(400, "InvalidRequestContentException",
                            "Could not parse request body into json");
                }
                boolean update = operation.equals("UpdateFunctionEventInvokeConfig");
                if (update && current.isEmpty()) {
                    return notConfigured(name);
                }
                try {
                    AsyncInvokeConfig config = merged(body, update ? current.get() : AsyncInvokeConfig.DEFAULT);
                    functions.putEventInvokeConfig(name, config);
                    lastModified.put(name, clock.instant());
                    return render(name, config);
                } catch (IllegalArgumentException e) {
                    return AwsErrorResponse.json(400, "InvalidParameterValueException", e.getMessage());
                }
            }
        }
    }

    private static AsyncInvokeConfig merged(JsonNode body, AsyncInvokeConfig base) {
        int retries = body.path("MaximumRetryAttempts").asInt(base.maximumRetryAttempts());
        long age = body.path("MaximumEventAgeInSeconds").asLong(base.maximumEventAge().toSeconds());
        JsonNode destinations = body.path("DestinationConfig");
        String onSuccess = destination(destinations, "OnSuccess", base.onSuccess());
        String onFailure = destination(destinations, "OnFailure", base.onFailure());
        return new AsyncInvokeConfig(retries, Duration.ofSeconds(age), onSuccess, onFailure, null);
    }

    private static String destination(JsonNode destinations, String field, String otherwise) {
        JsonNode given = destinations.path(field);
        if (given.isMissingNode() || given.isNull()) {
            return otherwise;
        }
        String arn = given.path("Destination").asText(null);
        if (arn != null && !arn.matches("arn:aws[\\w-]*:sqs:[a-z0-9-]+:\\d{12}:[\\w-]{1,80}")) {
            throw new IllegalArgumentException("The destination " + arn + " is not supported locally: only SQS "
                    + "queues are.");
        }
        return arn;
    }

    private ObjectNode configJson(String name, AsyncInvokeConfig config) {
        ObjectNode out = JSON.createObjectNode()
                .put("LastModified", lastModified.getOrDefault(name, clock.instant()).toEpochMilli() / 1000.0)
                .put("FunctionArn", functions.arn(name) + ":$LATEST")
                .put("MaximumRetryAttempts", config.maximumRetryAttempts())
                .put("MaximumEventAgeInSeconds", config.maximumEventAge().toSeconds());
        ObjectNode destinations = out.putObject("DestinationConfig");
        if (config.onSuccess() != null) {
            destinations.putObject("OnSuccess").put("Destination", config.onSuccess());
        }
        if (config.onFailure() != null) {
            destinations.putObject("OnFailure").put("Destination", config.onFailure());
        }
        return out;
    }

    private Response render(String name, AsyncInvokeConfig config) {
        return Response.of(200, "application/json", configJson(name, config).toString());
    }

    private Response notConfigured(String name) {
        return AwsErrorResponse.json(404, "ResourceNotFoundException",
                "The function " + functions.arn(name) + ":$LATEST doesn't have an EventInvokeConfig");
    }
}
