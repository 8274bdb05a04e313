package dev.ekslifecycle.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a proxy integration's answer ({@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code body},
 * {@code isBase64Encoded}) into the HTTP response; an answer of any other shape is none (API Gateway's 502
 * {@link GatewayError#internalServerError()}).
 */
final class ProxyResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyResponse() {
    }

    static Optional<Response> of(byte[] functionOutput) {
        JsonNode answer;
        try {
            answer = JSON.readTree(functionOutput);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()
                || !answer.path("body").isMissingNode() && !answer.path("body").isNull()
                && !answer.path("body").isTextual()) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        // the multi-value form is joined as API Gateway folds it into one header; single values then win
        answer.path("multiValueHeaders").fields().forEachRemaining(h -> {
            StringBuilder joined = new StringBuilder();
            h.getValue().forEach(v -> joined.append(joined.isEmpty() ? "" : ",").append(v.asText()));
            headers.put(h.getKey(), joined.toString());
        });
        answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/json");
        return Optional.of(new Response(answer.get("statusCode").asInt(), headers, bytes));
    }
}
