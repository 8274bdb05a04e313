package dev.ekslifecycle.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a proxy integration's answer ({@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code body},
 * {@code isBase64Encoded}) into the HTTP response. An answer of any other shape, like a function error, is API
 * Gateway's 502 {@code {"message": "Internal server error"}}.
 */
final class ProxyResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyResponse() {
    }

    static Response of(byte[] functionOutput) {
        JsonNode answer;
        try {
            answer = JSON.readTree(functionOutput);
        } catch (IOException e) {
            return internalServerError();
        }
        if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()
                || !answer.path("body").isMissingNode() && !answer.path("body").isNull()
                && !answer.path("body").isTextual()) {
            return internalServerError();
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
        return new Response(answer.get("statusCode").asInt(), headers, bytes);
    }

    static Response internalServerError() {
        return message(502, "Internal server error", "InternalServerErrorException");
    }

    /** API Gateway's own error body, with its error type header. */
    static Response message(int status, String message, String errorType) {
        return Response.of(status, "application/json", "{\"message\":\"" + message + "\"}")
                .withHeader("x-amzn-ErrorType", errorType);
    }
}
