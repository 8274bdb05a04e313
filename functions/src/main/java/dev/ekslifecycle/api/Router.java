package dev.ekslifecycle.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches {@code METHOD /path/{param}} routes. A path that matches no route is a 404; a path that matches with
 * another method is a 405 naming the allowed methods, as HTTP asks.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
        routes.add(new Route(method, template.split("/"), template, handler));
        return this;
    }

    /** The templates, for checking the OpenAPI document against the routes. */
    public Set<String> operations() {
        Set<String> out = new LinkedHashSet<>();
        routes.forEach(r -> out.add(r.method + " " + r.template));
        return out;
    }

    public ApiResponse route(ApiRequest request) {
        String[] parts = request.path().split("/");
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(parts);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.method.equals(request.method())) {
                return route.handler.apply(request.withPathParameters(parameters.get()));
            }
            allowed.add(route.method);
        }
        if (!allowed.isEmpty()) {
            return Problems.of(405, "Method Not Allowed",
                    request.method() + " is not allowed on " + request.path() + "; allowed: " + String.join(", ", allowed))
                    .withHeader("Allow", String.join(", ", allowed));
        }
        return Problems.of(404, "Not Found", "no resource at " + request.path());
    }

    private record Route(String method, String[] parts, String template, Function<ApiRequest, ApiResponse> handler) {

        Optional<Map<String, String>> match(String[] path) {
            if (path.length != parts.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("{") && part.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(part.substring(1, part.length() - 1), path[i]);
                } else if (!part.equals(path[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }
}
