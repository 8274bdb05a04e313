package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.apigateway.ApiRoute;
import dev.ekslifecycle.local.apigateway.RestApi;
import dev.ekslifecycle.local.cloud.SamEvents.ApiEvent;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST API the API port serves: SAM's implicit API (stage {@code Prod}) or an explicit
 * {@code AWS::Serverless::Api}, with the routes of the functions' {@code Api} events. The local cloud has one API
 * port, so routes on two different APIs stop start-up.
 */
final class ApiDefinition {

    private static final Set<String> SUPPORTED = Set.of("StageName", "BinaryMediaTypes", "Name", "Auth", "Models",
            "GatewayResponses");
    /** Properties with no local behaviour, accepted on purpose. */
    private static final Set<String> ACCEPTED = Set.of("Description", "Tags", "TracingEnabled", "MethodSettings",
            "EndpointConfiguration", "OpenApiVersion", "CacheClusterEnabled", "CacheClusterSize",
            "AccessLogSetting");

    /** The explicit APIs by id: stage name, binary media types, authorization and gateway responses. */
    private final Map<String, RestApi> explicit = new LinkedHashMap<>();
    /** The explicit APIs' {@code Models}: model name → JSON schema. */
    private final Map<String, Map<String, JsonNode>> models = new LinkedHashMap<>();
    private final List<ApiEvent> events = new ArrayList<>();
    private final String implicitApiId;

    ApiDefinition(String implicitApiId) {
        this.implicitApiId = implicitApiId;
    }

    void declare(String apiId, ResourceProperties p) {
        p.allowOnly(SUPPORTED, ACCEPTED);
        // SAM writes the / of a media type as ~1 (JSON pointer escaping)
        List<String> binary = p.texts("BinaryMediaTypes").stream().map(t -> t.replace("~1", "/")).toList();
        explicit.put(apiId, new RestApi(apiId, p.requiredText("StageName"), List.of(), binary, iamAuthorization(p),
                GatewayResponseDefinitions.of(p)));
        Map<String, JsonNode> apiModels = new LinkedHashMap<>();
        p.json("Models").ifPresent(m -> m.fields().forEachRemaining(e -> apiModels.put(e.getKey(), e.getValue())));
        models.put(apiId, apiModels);
    }

    /** {@code Auth}: only {@code DefaultAuthorizer} AWS_IAM (or NONE) has local behaviour. */
    private static boolean iamAuthorization(ResourceProperties p) {
        return p.object("Auth").map(auth -> {
            auth.allowOnly(Set.of("DefaultAuthorizer"), Set.of("InvokeRole"));
            String authorizer = auth.text("DefaultAuthorizer").orElse("NONE");
            if (!authorizer.equals("AWS_IAM") && !authorizer.equals("NONE")) {
                throw new TemplateException(auth.location("DefaultAuthorizer"),
                        "only AWS_IAM authorization is supported locally, not " + authorizer);
            }
            return authorizer.equals("AWS_IAM");
        }).orElse(false);
    }

    void add(List<ApiEvent> routes) {
        events.addAll(routes);
    }

    RestApi build() {
        String apiId = null;
        List<ApiRoute> routes = new ArrayList<>();
        for (ApiEvent e : events) {
            String target = e.restApiId().orElse(implicitApiId);
            if (!target.equals(implicitApiId) && !explicit.containsKey(target)) {
                throw new TemplateException(e.location() + ".RestApiId",
                        "must refer to an AWS::Serverless::Api of the template");
            }
            if (apiId != null && !apiId.equals(target)) {
                throw new TemplateException(e.location(), "the local cloud serves one REST API; routes name two");
            }
            apiId = target;
            try {
                routes.add(new ApiRoute(e.method(), e.path(), e.functionName(),
                        RequestValidators.of(e.properties(), models.getOrDefault(target, Map.of()))));
            } catch (IllegalArgumentException bad) {
                throw new TemplateException(e.location() + ".Path", bad.getMessage());
            }
        }
        if (apiId == null) {
            apiId = explicit.isEmpty() ? implicitApiId : explicit.keySet().iterator().next();
        }
        RestApi declared = explicit.get(apiId);
        return declared == null ? new RestApi(apiId, "Prod", routes, List.of(), false) : declared.withRoutes(routes);
    }
}
