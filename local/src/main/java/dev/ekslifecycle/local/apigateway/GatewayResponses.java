package dev.ekslifecycle.local.apigateway;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An API's gateway responses: how a request the gateway refuses itself is answered. A customized type answers with
 * its status, headers and template; a type not customized falls back to {@code DEFAULT_4XX} or {@code DEFAULT_5XX}
 * (whose status code, when given, replaces that of every refusal of its class); without either, API Gateway's
 * default {@code {"message": "..."}}. Every answer carries {@code x-amzn-ErrorType} and {@code x-amzn-RequestId}.
 */
public final class GatewayResponses {

    /** No customization: API Gateway's defaults. */
    public static final GatewayResponses DEFAULTS = new GatewayResponses(Map.of());

    private final Map<GatewayResponseType, GatewayResponse> customized;

    public GatewayResponses(Map<GatewayResponseType, GatewayResponse> customized) {
        this.customized = Map.copyOf(customized);
    }

    Response answer(GatewayError error, Request request, RestApi api, String requestId) {
        GatewayResponse custom = customized.getOrDefault(error.type(),
                customized.get(GatewayResponseType.fallbackFor(error.status())));
        int status = error.status();
        String contentType = "application/json";
        String body = "{\"message\":" + quoted(error.message()) + "}";
        Map<String, String> headers = new LinkedHashMap<>();
        if (custom != null) {
            status = custom.statusCode().orElse(status);
            Optional<Map.Entry<String, ResponseTemplate>> template = custom.template(request.header("Accept"));
            if (template.isPresent()) {
                contentType = template.get().getKey();
                body = template.get().getValue().render(variables(error, request, api, requestId));
            }
            headers.putAll(custom.headerValues(request));
        }
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", contentType);
        }
        headers.put("x-amzn-ErrorType", error.errorType());
        headers.put("x-amzn-RequestId", requestId);
        return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> variables(GatewayError error, Request request, RestApi api, String requestId) {
        return Map.of("context.error.message", error.message(),
                // already a JSON string, quotes included, as API Gateway gives it
                "context.error.messageString", quoted(error.message()),
                "context.error.responseType", error.type().name(),
                "context.error.validationErrorString", error.validationErrors(),
                "context.requestId", requestId,
                "context.extendedRequestId", requestId,
                "context.apiId", api.id(),
                "context.stage", api.stageName(),
                "context.httpMethod", request.method());
    }

    /** A JSON string literal of {@code text}, quotes included. */
    static String quoted(String text) {
        return new TextNode(text).toString();
    }
}
