package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.apigateway.GatewayResponse;
import dev.ekslifecycle.local.apigateway.GatewayResponseType;
import dev.ekslifecycle.local.apigateway.GatewayResponses;
import dev.ekslifecycle.local.apigateway.ResponseTemplate;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Api}'s {@code GatewayResponses}: response type → {@code StatusCode},
 * {@code ResponseParameters.Headers} and {@code ResponseTemplates}. An unknown response type, a header value of
 * another form than a literal or a request parameter, {@code Paths} or {@code QueryStrings} parameters, or a
 * template using more than variable substitution stops start-up naming the property.
 */
final class GatewayResponseDefinitions {

    private GatewayResponseDefinitions() {
    }

    static GatewayResponses of(ResourceProperties api) {
        Map<GatewayResponseType, GatewayResponse> customized = new LinkedHashMap<>();
        api.entries("GatewayResponses").forEach((type, p) -> customized.put(type(api, type), response(p)));
        return customized.isEmpty() ? GatewayResponses.DEFAULTS : new GatewayResponses(customized);
    }

    private static GatewayResponseType type(ResourceProperties api, String name) {
        try {
            return GatewayResponseType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(api.location("GatewayResponses") + "." + name,
                    "is not a gateway response type " + Arrays.toString(GatewayResponseType.values()));
        }
    }

    private static GatewayResponse response(ResourceProperties p) {
        p.allowOnly(Set.of("StatusCode", "ResponseParameters", "ResponseTemplates"), Set.of());
        Map<String, String> headers = p.object("ResponseParameters").map(parameters -> {
            parameters.allowOnly(Set.of("Headers"), Set.of());
            return parameters.strings("Headers");
        }).orElse(Map.of());
        Map<String, ResponseTemplate> templates = new LinkedHashMap<>();
        p.strings("ResponseTemplates").forEach((type, text) -> {
            try {
                templates.put(type, ResponseTemplate.parse(text));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(p.location("ResponseTemplates") + "." + type, e.getMessage());
            }
        });
        try {
            return new GatewayResponse(p.integer("StatusCode"), headers, templates);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(p.location(), e.getMessage());
        }
    }
}
