package dev.ekslifecycle.local.apigateway;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import dev.ekslifecycle.local.lambda.Invocation;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * A REST API stage served at the root of its own port, as {@code sam local start-api} serves it: each request that
 * matches a route becomes a proxy event for the route's function, invoked through the Lambda emulator; a request
 * that matches none, or that is not SigV4-signed when the API uses IAM authorization, is refused with
 * {@code MISSING_AUTHENTICATION_TOKEN} (403); one that its method's {@link RequestValidator} refuses with
 * {@code BAD_REQUEST_BODY} or {@code BAD_REQUEST_PARAMETERS} (400) without the function being invoked; a function
 * error or malformed answer gives 502. Each refusal is answered by the API's {@link GatewayResponses}.
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
        // one id per request, as on AWS: the event's requestContext.requestId, $context.requestId in a gateway
        // response and the x-amzn-RequestId header of every answer
        String requestId = UUID.randomUUID().toString();
        Optional<RestApi.Match> match = api.find(request.method(), request.path());
        // IAM authorization: the signature is not checked, but a request must be signed, as on AWS
        if (match.isEmpty() || api.iamAuthorization() && request.credentialScope().isEmpty()) {
            return refuse(GatewayError.missingAuthenticationToken(), request, requestId);
        }
        Optional<GatewayError> invalid = match.get().route().validator().check(request);
        if (invalid.isPresent()) {
            return refuse(invalid.get(), request, requestId);
        }
        String host = request.header("Host").orElse("127.0.0.1");
        byte[] event = ProxyEvent.of(api, match.get(), request, host, clock.instant(), requestId).toString()
                .getBytes(StandardCharsets.UTF_8);
        Invocation result = functions.invoke(match.get().route().functionName(), event);
        Optional<Response> answer = result.failed() ? Optional.empty() : ProxyResponse.of(result.payload());
        return answer.map(response -> response.withHeader("x-amzn-RequestId", requestId))
                .orElseGet(() -> refuse(GatewayError.internalServerError(), request, requestId));
    }

    private Response refuse(GatewayError error, Request request, String requestId) {
        return api.gatewayResponses().answer(error, request, api, requestId);
    }
}
