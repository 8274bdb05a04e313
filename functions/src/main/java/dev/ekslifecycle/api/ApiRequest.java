package dev.ekslifecycle.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the API sees it, taken from an API Gateway proxy event: header names without regard to case,
 * the path's parameters filled in by the {@link Router}, and the caller's identity (the IAM principal API Gateway
 * authorised, recorded as the requester of every operation).
 */
public record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                         Map<String, String> pathParameters, String body, String requester) {

    public ApiRequest {
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = h;
        query = query == null ? Map.of() : Map.copyOf(query);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The media type of the body without parameters, lower case; "application/json" when absent. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).orElse("application/json");
    }

    ApiRequest withPathParameters(Map<String, String> parameters) {
        return new ApiRequest(method, path, headers, query, parameters, body, requester);
    }
}
