package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.apigateway.RequestValidator;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request validator SAM gives an {@code Api} event's method: from its {@code RequestModel} (a model of the
 * API's {@code Models} for {@code application/json}) and its {@code RequestParameters}. As SAM does, a method gets a
 * validator only when {@code ValidateBody} or {@code ValidateParameters} is given, and the one not given is then
 * true; parameters are required only in the mapping form with {@code Required: true}.
 */
final class RequestValidators {

    private static final String HEADER = "method.request.header.";
    private static final String QUERY = "method.request.querystring.";

    private RequestValidators() {
    }

    static RequestValidator of(ResourceProperties event, Map<String, JsonNode> models) {
        Optional<ResourceProperties> requestModel = event.object("RequestModel");
        List<String> headers = new ArrayList<>();
        List<String> queryStrings = new ArrayList<>();
        requiredParameters(event, headers, queryStrings);
        if (requestModel.isEmpty()) {
            return RequestValidator.NONE;
        }
        ResourceProperties rm = requestModel.get();
        rm.allowOnly(Set.of("Model", "ValidateBody", "ValidateParameters"), Set.of("Required"));
        String name = rm.requiredText("Model");
        JsonNode schema = models.get(name);
        if (schema == null) {
            throw new TemplateException(rm.location("Model"), "names no model of the API's Models " + models.keySet());
        }
        Optional<Boolean> body = rm.text("ValidateBody").map(Boolean::parseBoolean);
        Optional<Boolean> parameters = rm.text("ValidateParameters").map(Boolean::parseBoolean);
        if (body.isEmpty() && parameters.isEmpty()) {
            return RequestValidator.NONE;
        }
        try {
            return RequestValidator.of(Map.of("application/json", schema), body.orElse(true),
                    parameters.orElse(true), headers, queryStrings);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(rm.location("Model"), e.getMessage());
        }
    }

    /** {@code RequestParameters}: strings (optional parameters) or {@code {name: {Required, Caching}}} mappings. */
    private static void requiredParameters(ResourceProperties event, List<String> headers, List<String> queries) {
        Optional<JsonNode> given = event.json("RequestParameters");
        if (given.isEmpty()) {
            return;
        }
        if (!given.get().isArray()) {
            throw new TemplateException(event.location("RequestParameters"), "must be a list");
        }
        for (JsonNode item : given.get()) {
            if (item.isTextual()) {
                name(event, item.asText());
                continue;
            }
            item.fields().forEachRemaining(e -> {
                String parameter = name(event, e.getKey());
                if (e.getValue().path("Required").asBoolean(false)) {
                    (e.getKey().startsWith(HEADER) ? headers : queries).add(parameter);
                }
            });
        }
    }

    private static String name(ResourceProperties event, String parameter) {
        if (parameter.startsWith(HEADER)) {
            return parameter.substring(HEADER.length());
        }
        if (parameter.startsWith(QUERY)) {
            return parameter.substring(QUERY.length());
        }
        throw new TemplateException(event.location("RequestParameters"), parameter
                + " is not method.request.header.NAME or method.request.querystring.NAME");
    }
}
