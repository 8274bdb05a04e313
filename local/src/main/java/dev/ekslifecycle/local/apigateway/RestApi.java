package dev.ekslifecycle.local.apigateway;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed REST API stage: its routes, the media types it treats as binary, and whether its methods use IAM
 * authorization (SAM's {@code Auth: {DefaultAuthorizer: AWS_IAM}}): then only SigV4-signed requests get through;
 * and its {@link GatewayResponses}. {@link #find} picks the route for a request the way API Gateway picks a resource
 * and then a method ({@code ANY} when no exact method).
 */
public record RestApi(String id, String stageName, List<ApiRoute> routes, List<String> binaryMediaTypes,
                      boolean iamAuthorization, GatewayResponses gatewayResponses) {

    private static final Comparator<int[]> MORE_SPECIFIC_FIRST = (a, b) -> -Arrays.compare(a, b);

    public RestApi {
        routes = List.copyOf(routes);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }

    /** An API with API Gateway's default gateway responses. */
    public RestApi(String id, String stageName, List<ApiRoute> routes, List<String> binaryMediaTypes,
                   boolean iamAuthorization) {
        this(id, stageName, routes, binaryMediaTypes, iamAuthorization, GatewayResponses.DEFAULTS);
    }

    /**
     * The route and its path parameters: the most specific resource that matches the path, then its method or
     * its {@code ANY}. Empty when there is none (API Gateway's 403 Missing Authentication Token).
     */
    public Optional<Match> find(String method, String path) {
        Optional<Match> resource = routes.stream()
                .map(r -> r.match(path).map(p -> new Match(r, p)))
                .flatMap(Optional::stream)
                .min(Comparator.comparing((Match m) -> m.route().specificity(), MORE_SPECIFIC_FIRST));
        return resource.flatMap(m -> onResource(m.route().resourcePath(), method)
                .or(() -> onResource(m.route().resourcePath(), "ANY"))
                .map(r -> new Match(r, m.pathParameters())));
    }

    private Optional<ApiRoute> onResource(String resourcePath, String method) {
        return routes.stream().filter(r -> r.resourcePath().equals(resourcePath) && r.method().equals(method))
                .findFirst();
    }

    /** The same API with these routes. */
    public RestApi withRoutes(List<ApiRoute> newRoutes) {
        return new RestApi(id, stageName, newRoutes, binaryMediaTypes, iamAuthorization, gatewayResponses);
    }

    /** True when a request body of this content type reaches the function base64-encoded. */
    public boolean isBinary(String contentType) {
        return binaryMediaTypes.stream().anyMatch(t -> t.equals("*/*") || t.equalsIgnoreCase(contentType)
                || t.endsWith("/*") && contentType.startsWith(t.substring(0, t.length() - 1)));
    }

    public record Match(ApiRoute route, Map<String, String> pathParameters) {
    }
}
