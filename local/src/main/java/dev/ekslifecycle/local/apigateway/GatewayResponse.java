package dev.ekslifecycle.local.apigateway;

import dev.ekslifecycle.local.http.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One customized gateway response ({@code GatewayResponses} of a SAM API): the status code (empty keeps the
 * refusal's own), headers and body templates by content type. A header value is a literal in single quotes
 * ({@code "'application/problem+json'"}) or a request header or query string of the refused request
 * ({@code method.request.header.NAME}, {@code method.request.querystring.NAME}).
 */
public record GatewayResponse(Optional<Integer> statusCode, Map<String, String> headers,
                              Map<String, ResponseTemplate> templates) {

    private static final Pattern LITERAL = Pattern.compile("'[^']*'");
    private static final String HEADER = "method.request.header.";
    private static final String QUERY = "method.request.querystring.";

    /** @throws IllegalArgumentException for a status outside 100-599 or a header value of another form */
    public GatewayResponse {
        statusCode.filter(s -> s < 100 || s > 599).ifPresent(s -> {
            throw new IllegalArgumentException("a status code is 100-599, not " + s);
        });
        headers.forEach((name, value) -> {
            if (!LITERAL.matcher(value).matches() && !value.startsWith(HEADER) && !value.startsWith(QUERY)) {
                throw new IllegalArgumentException("header " + name + ": " + value + " is neither a 'literal' nor "
                        + HEADER + "NAME or " + QUERY + "NAME");
            }
        });
        headers = Map.copyOf(headers);
        templates = Map.copyOf(templates);
    }

    /** The header values for this request: literals unquoted, request values where the request has them. */
    Map<String, String> headerValues(Request request) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Optional<String> resolved = LITERAL.matcher(value).matches()
                    ? Optional.of(value.substring(1, value.length() - 1))
                    : value.startsWith(HEADER) ? request.header(value.substring(HEADER.length()))
                    : request.query(value.substring(QUERY.length()));
            resolved.ifPresent(v -> values.put(name, v));
        });
        return values;
    }

    /** The template for the request's {@code Accept} type, else for {@code application/json}, else any. */
    Optional<Map.Entry<String, ResponseTemplate>> template(Optional<String> accept) {
        return accept.filter(templates::containsKey)
                .or(() -> Optional.of("application/json").filter(templates::containsKey))
                .or(() -> templates.keySet().stream().sorted().findFirst())
                .map(type -> Map.entry(type, templates.get(type)));
    }
}
