package dev.ekslifecycle.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the local cloud's endpoints see it: immutable, body read in full, header names matched
 * without regard to case.
 */
public final class Request {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this(caseInsensitiveCopy(headers), method, path, rawQuery, body);
    }

    private Request(TreeMap<String, List<String>> headers, String method, String path, String rawQuery, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
    }

    /**
     * A request whose header map the caller hands over: ordered by {@link String#CASE_INSENSITIVE_ORDER}, with
     * unmodifiable value lists, and not changed afterwards. Spares the transport a copy per request.
     */
    static Request ofParsed(String method, String path, String rawQuery, TreeMap<String, List<String>> headers,
                            byte[] body) {
        return new Request(headers, method, path, rawQuery, body);
    }

    private static TreeMap<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        return h;
    }

    public String method() {
        return method;
    }

    /** The decoded path, without the query string. */
    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The operation an awsJson request names: what follows {@code targetPrefix} (e.g. {@code "AmazonSQS."}) in its
     * {@code X-Amz-Target} header; empty when the header is missing or names another service.
     */
    public Optional<String> awsJsonOperation(String targetPrefix) {
        return header("X-Amz-Target").filter(t -> t.startsWith(targetPrefix))
                .map(t -> t.substring(targetPrefix.length()));
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Query parameters, decoded; a repeated name keeps its values in order. */
    public Map<String, List<String>> queryParameters() {
        return parseForm(rawQuery);
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body read as {@code application/x-www-form-urlencoded} (the awsQuery and ec2 protocols). */
    public Map<String, List<String>> formParameters() {
        return parseForm(bodyText());
    }

    /** The {@code Content-Type} without parameters, lower case, or "" when absent. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The SigV4 credential scope of the {@code Authorization} header, if the request is signed. */
    public Optional<CredentialScope> credentialScope() {
        return header("Authorization").flatMap(CredentialScope::fromAuthorization);
    }

    static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return out;
    }
}
