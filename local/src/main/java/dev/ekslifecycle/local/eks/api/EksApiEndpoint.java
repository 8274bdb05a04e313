package dev.ekslifecycle.local.eks.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.ops.EksError;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * EKS on the edge port, restJson1: served by path ({@code /clusters...}, {@code /cluster-versions},
 * {@code /addons/supported-versions}, {@code /tags/arn:aws:eks:...}); a signed request must be scoped to
 * {@code eks}. Every call first asks the shared fault injector (service {@code eks}, the operation name, the
 * cluster name as resource).
 */
public final class EksApiEndpoint implements Endpoint {

    private static final String JSON = "application/json";
    private final List<Route> routes;
    private final FaultInjector faults;

    public EksApiEndpoint(EksRoutes.Operations operations, FaultInjector faults) {
        this.routes = EksRoutes.all(operations);
        this.faults = faults;
    }

    @Override
    public String name() {
        return "eks";
    }

    @Override
    public boolean accepts(Request request) {
        String path = request.path();
        boolean eksPath = path.equals("/clusters") || path.startsWith("/clusters/")
                || path.equals("/cluster-versions") || path.equals("/addons/supported-versions")
                || path.startsWith("/tags/arn:aws:eks:");
        return eksPath && request.credentialScope().map(s -> s.service().equals("eks")).orElse(true);
    }

    @Override
    public Response handle(Request request) {
        for (Route route : routes) {
            Matcher labels = route.match(request.method(), request.path());
            if (labels != null) {
                return serve(route, new EksCall(request, labels));
            }
        }
        return error(new EksError("UnknownOperationException", 404,
                "No EKS operation serves " + request.method() + " " + request.path()));
    }

    private Response serve(Route route, EksCall call) {
        return answer(route, call).withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    private Response answer(Route route, EksCall call) {
        String resource = route.hasClusterLabel() ? call.label("name") : "";
        Optional<Response> injected = AwsErrorResponse.injectedFault(faults, name(), route.operation(), resource);
        if (injected.isPresent()) {
            return injected.get();
        }
        try {
            return Response.of(200, JSON, EksJson.write(route.handler().apply(call)));
        } catch (EksError e) {
            return error(e);
        }
    }

    /** An error as the SDK's restJson1 unmarshaller reads it: the code in x-amzn-ErrorType and in the body. */
    static Response error(EksError e) {
        ObjectNode body = EksJson.MAPPER.createObjectNode();
        body.put("__type", e.code());
        body.put("message", e.getMessage());
        e.members().forEach(body::put);
        return Response.of(e.httpStatus(), JSON, body.toString()).withHeader("x-amzn-ErrorType", e.code());
    }
}
