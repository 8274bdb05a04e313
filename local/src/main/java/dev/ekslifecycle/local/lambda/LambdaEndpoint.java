package dev.ekslifecycle.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.JsonText;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.Optional;

/**
 * Lambda's restJson1 API for the functions in {@link LambdaFunctions}: Invoke (RequestResponse, Event, DryRun),
 * GetFunction, ListFunctions and the event invoke config operations. An {@code Event} invocation is queued on
 * {@link AsyncInvocations}, with its retries, failure destination and dead-letter queue.
 */
public final class LambdaEndpoint implements Endpoint {

    private static final String PREFIX = "/2015-03-31/functions";
    private static final String INVOCATIONS = "/invocations";
    /** Lambda's payload quotas: 6 MB for a synchronous call, 1 MB for an asynchronous one. */
    private static final int SYNC_LIMIT = 6 * 1024 * 1024;
    private static final int ASYNC_LIMIT = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaFunctions functions;
    private final AsyncInvocations async;
    private final EventInvokeConfigApi eventInvokeConfigs;
    private final FaultInjector faults;

    public LambdaEndpoint(LambdaFunctions functions, AsyncInvocations async, java.time.Clock clock,
                          FaultInjector faults) {
        this.functions = functions;
        this.async = async;
        this.eventInvokeConfigs = new EventInvokeConfigApi(functions, clock);
        this.faults = faults;
    }

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public boolean accepts(Request request) {
        return request.path().startsWith(PREFIX) || request.path().startsWith(EventInvokeConfigApi.PREFIX);
    }

    @Override
    public Response handle(Request request) {
        if (request.path().startsWith(EventInvokeConfigApi.PREFIX)) {
            return eventInvokeConfig(request);
        }
        String rest = request.path().substring(PREFIX.length());
        boolean invoke = "POST".equals(request.method()) && rest.endsWith(INVOCATIONS) && rest.startsWith("/");
        boolean list = "GET".equals(request.method()) && (rest.isEmpty() || rest.equals("/"));
        boolean get = "GET".equals(request.method()) && rest.length() > 1 && rest.indexOf('/', 1) < 0;
        String operation = invoke ? "Invoke" : list ? "ListFunctions" : get ? "GetFunction" : null;
        if (operation == null) {
            return AwsErrorResponse.json(404, "UnknownOperationException",
                    "Lambda has no operation " + request.method() + " " + request.path() + " here");
        }
        String reference = invoke ? rest.substring(1, rest.length() - INVOCATIONS.length()) : rest.replace("/", "");
        Optional<Response> fault = AwsErrorResponse.injectedFault(faults, name(), operation, reference);
        if (fault.isPresent()) {
            return fault.get();
        }
        if (list) {
            return listFunctions();
        }
        String qualified = request.query("Qualifier").map(q -> reference + ":" + q).orElse(reference);
        Optional<String> name = functions.resolve(qualified);
        if (name.isEmpty()) {
            return AwsErrorResponse.json(404, "ResourceNotFoundException",
                    "Function not found: " + (qualified.startsWith("arn:") ? qualified : functions.arn(qualified)));
        }
        return invoke ? invoke(name.get(), LambdaFunctions.qualifier(qualified), request) : getFunction(name.get());
    }

    private Response invoke(String name, String qualifier, Request request) {
        String type = request.header("X-Amz-Invocation-Type").orElse("RequestResponse");
        byte[] payload = request.body();
        if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
            return AwsErrorResponse.json(400, "ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[Event, RequestResponse, DryRun]");
        }
        int limit = type.equals("Event") ? ASYNC_LIMIT : SYNC_LIMIT;
        if (payload.length > limit) {
            return AwsErrorResponse.json(413, "RequestTooLargeException",
                    "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
        }
        if (payload.length > 0 && !JsonText.isValid(payload)) {
            return AwsErrorResponse.json(400, "InvalidRequestContentException",
                    "Could not parse request body into json: the payload is not valid JSON");
        }
        switch (type) {
            case "DryRun" -> {
                return Response.empty(204);
            }
            case "Event" -> {
                return Response.empty(202).withHeader("x-amzn-RequestId", async.accept(name, qualifier, payload));
            }
            default -> {
                Invocation result = functions.invoke(name, payload);
                Response response = Response.of(200, "application/json", result.payload())
                        .withHeader("X-Amz-Executed-Version", "$LATEST");
                return result.failed() ? response.withHeader("X-Amz-Function-Error", result.functionError()) : response;
            }
        }
    }

    private Response eventInvokeConfig(Request request) {
        String operation = EventInvokeConfigApi.operation(request);
        if (operation == null) {
            return AwsErrorResponse.json(404, "UnknownOperationException",
                    "Lambda has no operation " + request.method() + " " + request.path() + " here");
        }
        String reference = EventInvokeConfigApi.reference(request);
        Optional<Response> fault = AwsErrorResponse.injectedFault(faults, name(), operation, reference);
        if (fault.isPresent()) {
            return fault.get();
        }
        String qualified = request.query("Qualifier").map(q -> reference + ":" + q).orElse(reference);
        return functions.resolve(qualified).map(n -> eventInvokeConfigs.handle(operation, n, request))
                .orElseGet(() -> AwsErrorResponse.json(404, "ResourceNotFoundException",
                        "Function not found: " + (qualified.startsWith("arn:") ? qualified : functions.arn(qualified))));
    }

    private Response getFunction(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.set("Configuration", configuration(name));
        body.putObject("Code").put("RepositoryType", "S3");
        return Response.of(200, "application/json", body.toString());
    }

    private Response listFunctions() {
        ObjectNode body = JSON.createObjectNode();
        var list = body.putArray("Functions");
        functions.names().forEach(n -> list.add(configuration(n)));
        return Response.of(200, "application/json", body.toString());
    }

    private ObjectNode configuration(String name) {
        ObjectNode configuration = JSON.createObjectNode()
                .put("FunctionName", name)
                .put("FunctionArn", functions.arn(name))
                .put("Runtime", "java21")
                .put("PackageType", "Zip")
                .put("Version", "$LATEST")
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful");
        functions.deadLetterQueue(name).ifPresent(q -> configuration.putObject("DeadLetterConfig").put("TargetArn", q));
        return configuration;
    }
}
