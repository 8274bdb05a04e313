package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ekslifecycle.api.ApiRequest;
import dev.ekslifecycle.api.ApiResponse;
import dev.ekslifecycle.api.LifecycleApi;
import dev.ekslifecycle.api.Problems;
import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The REST API behind API Gateway (proxy integration, payload format 1.0). The caller's IAM identity, which
 * API Gateway authorised, becomes the requester of the operations it starts. When AWS itself is unavailable the
 * answer is a 503 problem the client may retry; client input never causes a 5xx.
 */
@Named("api")
public class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Inject
    LifecycleApi api;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiResponse response;
        try {
            response = api.handle(request(event));
        } catch (DependencyThrottledException | DependencyUnavailableException e) {
            response = Problems.of(503, "Service Unavailable", "a dependency is unavailable, retry later: "
                    + e.getMessage()).withHeader("Retry-After", "5");
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body());
    }

    private static ApiRequest request(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ApiRequest(event.getHttpMethod(), event.getPath(), event.getHeaders(),
                event.getQueryStringParameters(), Map.of(), body, requester(event));
    }

    private static String requester(APIGatewayProxyRequestEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getIdentity() == null) {
            return "unknown";
        }
        APIGatewayProxyRequestEvent.RequestIdentity identity = event.getRequestContext().getIdentity();
        if (identity.getUserArn() != null) {
            return identity.getUserArn();
        }
        return identity.getCaller() != null ? identity.getCaller() : "unknown";
    }
}
