package dev.ekslifecycle.local.apigateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One method on one resource of a REST API, integrated with a Lambda function by proxy: {@code GET
 * /clusters/{name}}, {@code ANY /{proxy+}}. A path segment {@code {name}} matches one segment, a final
 * {@code {name+}} the rest of the path. Its {@link RequestValidator} runs before the function is invoked.
 */
public record ApiRoute(String method, String resourcePath, String functionName, RequestValidator validator) {

    /** A route without request validation. */
    public ApiRoute(String method, String resourcePath, String functionName) {
        this(method, resourcePath, functionName, RequestValidator.NONE);
    }

    public ApiRoute {
        method = method.toUpperCase(Locale.ROOT);
        if (!resourcePath.startsWith("/")) {
            throw new IllegalArgumentException("a resource path starts with /: " + resourcePath);
        }
        List<String> segments = segments(resourcePath);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).endsWith("+}") && i != segments.size() - 1) {
                throw new IllegalArgumentException("a greedy {name+} must be the last segment: " + resourcePath);
            }
        }
    }

    /** The path parameters when {@code path} is this route's resource, else empty. */
    public Optional<Map<String, String>> match(String path) {
        List<String> template = segments(resourcePath);
        List<String> actual = segments(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                parameters.put(t.substring(1, t.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                parameters.put(t.substring(1, t.length() - 1), actual.get(i));
            } else if (!t.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return template.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * How specific the resource is, for choosing among several that match as API Gateway does: literal segments
     * beat {@code {param}}, which beats a greedy {@code {proxy+}}; compared segment by segment from the left.
     */
    int[] specificity() {
        List<String> template = segments(resourcePath);
        int[] rank = new int[template.size()];
        for (int i = 0; i < rank.length; i++) {
            String t = template.get(i);
            rank[i] = t.endsWith("+}") ? 0 : t.startsWith("{") ? 1 : 2;
        }
        return rank;
    }

    private static List<String> segments(String path) {
        return List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
