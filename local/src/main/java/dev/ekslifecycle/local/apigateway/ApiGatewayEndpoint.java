package dev.ekslifecycle.local.apigateway;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import dev.ekslifecycle.local.lambda.Invocation;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A REST API stage served at the root of its own port, as {@code sam local start-api} serves it: each request that
 * matches a route becomes a proxy event for the route's function, invoked through the Lambda emulator; a request
 * that matches none, or that is not SigV4-signed when the API uses IAM authorization, gets API Gateway's 403
 * {@code {"message":"Missing Authentication Token"}}; one that its method's {@link RequestValidator} refuses gets
 * API Gateway's 400 without the function being invoked.
 */
public final class ApiGatewayEndpoint implements Endpoint {

    private final RestApi api;
    private final LambdaFunctions functions;
    private final SimulationClock clock;

    public ApiGatewayEndpoint(RestApi api, LambdaFunctions functions, SimulationClock clock) {
        this.api = api;
        this.functions = functions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "apigateway";
    }

    @Override
    public boolean accepts(Request request) {
        return true;
    }

    @Override
    public Response handle(Request request) {
        Optional<RestApi.Match> match = api.find(request.method(), request.path());
        // IAM authorization: the signature is not checked, but a request must be signed, as on AWS
        if (match.isEmpty() || api.iamAuthorization() && request.credentialScope().isEmpty()) {
            return ProxyResponse.message(403, "Missing Authentication Token", "MissingAuthenticationTokenException");
        }
        Optional<Response> invalid = match.get().route().validator().check(request);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String host = request.header("Host").orElse("127.0.0.1");
        byte[] event = ProxyEvent.of(api, match.get(), request, host, clock.instant()).toString()
                .getBytes(StandardCharsets.UTF_8);
        Invocation result = functions.invoke(match.get().route().functionName(), event);
        return result.failed() ? ProxyResponse.internalServerError() : ProxyResponse.of(result.payload());
    }
}
