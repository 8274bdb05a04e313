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
import dev.ekslifecycle.metrics.LifecycleMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The REST API behind API Gateway (proxy integration, payload format 1.0). The caller's IAM identity, which
 * API Gateway authorised, becomes the requester of the operations it starts. When AWS itself is unavailable the
 * answer is a 503 problem the client may retry; client input never causes a 5xx.
 */
@Named("api")
public class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** API Gateway's id of the request (its access logs and the x-amzn-RequestId header carry the same). */
    static final String API_REQUEST_ID = "apiRequestId";

    private static final Logger LOG = Logger.getLogger(ApiHandler.class);

    /** /clusters/{name}... and /operations/{id}: the resource a request names, for the log context. */
    private static final Pattern NAMED_RESOURCE = Pattern.compile("^/(clusters|operations)/([^/]+)");

    @Inject
    LifecycleApi api;

    @Inject
    LifecycleMetrics metrics;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try (LogContext log = LogContext.open(context).with(API_REQUEST_ID, apiRequestId(event))) {
            named(log, event.getPath());
            long started = System.nanoTime();
            ApiResponse response = answer(event);
            // A create or delete answers with the operation it started: its lines are found by that id too.
            response.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Location"))
                    .forEach(h -> named(log, h.getValue()));
            LOG.infof("%s %s answered %d in %d ms", event.getHttpMethod(), event.getPath(), response.status(),
                    (System.nanoTime() - started) / 1_000_000);
            metrics.apiAnswered(response.status());
            return response(response);
        }
    }

    private ApiResponse answer(APIGatewayProxyRequestEvent event) {
        try {
            return api.handle(request(event));
        } catch (DependencyThrottledException | DependencyUnavailableException e) {
            LOG.warnf("a dependency is unavailable: %s: %s", e.getClass().getSimpleName(), e.getMessage());
            return Problems.of(503, "Service Unavailable", "a dependency is unavailable, retry later: "
                    + e.getMessage()).withHeader("Retry-After", "5");
        }
    }

    private static void named(LogContext log, String path) {
        Matcher m = path == null ? null : NAMED_RESOURCE.matcher(path);
        if (m != null && m.find()) {
            log.with(m.group(1).equals("clusters") ? LogContext.CLUSTER_NAME : LogContext.OPERATION_ID, m.group(2));
        }
    }

    private static String apiRequestId(APIGatewayProxyRequestEvent event) {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    private static APIGatewayProxyResponseEvent response(ApiResponse response) {
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
