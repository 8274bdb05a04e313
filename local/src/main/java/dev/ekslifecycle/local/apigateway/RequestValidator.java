package dev.ekslifecycle.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ekslifecycle.local.http.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A method's request validator, as API Gateway applies it before the integration is called: the body against the
 * model for its content type (JSON Schema draft-04), the required headers and query strings. A request that fails
 * gets API Gateway's default gateway responses, {@code BAD_REQUEST_BODY} (400 {@code Invalid request body}) or
 * {@code BAD_REQUEST_PARAMETERS} (400 {@code Missing required request parameters: [...]}), and the function is
 * not invoked.
 *
 * <p>A request without {@code Content-Type} is taken as {@code application/json}, as API Gateway does; a request
 * of a content type that has no model is not checked against another type's model.
 */
public final class RequestValidator {

    /** Validates nothing: a method without a validator. */
    public static final RequestValidator NONE = new RequestValidator(Map.of(), false, false, List.of(), List.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory DRAFT_4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final String DEFAULT_CONTENT_TYPE = "application/json";

    private final Map<String, JsonSchema> models;
    private final boolean validateBody;
    private final boolean validateParameters;
    private final List<String> requiredHeaders;
    private final List<String> requiredQueryStrings;

    private RequestValidator(Map<String, JsonSchema> models, boolean validateBody, boolean validateParameters,
                             List<String> requiredHeaders, List<String> requiredQueryStrings) {
        this.models = Map.copyOf(models);
        this.validateBody = validateBody;
        this.validateParameters = validateParameters;
        this.requiredHeaders = List.copyOf(requiredHeaders);
        this.requiredQueryStrings = List.copyOf(requiredQueryStrings);
    }

    /**
     * @param models content type → JSON Schema (draft-04) of the body
     * @throws IllegalArgumentException when a schema cannot be read
     */
    public static RequestValidator of(Map<String, JsonNode> models, boolean validateBody, boolean validateParameters,
                                      List<String> requiredHeaders, List<String> requiredQueryStrings) {
        Map<String, JsonSchema> schemas = new java.util.LinkedHashMap<>();
        models.forEach((type, schema) -> {
            try {
                schemas.put(type.toLowerCase(java.util.Locale.ROOT), DRAFT_4.getSchema(schema));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the model for " + type + " is not a JSON schema: "
                        + e.getMessage(), e);
            }
        });
        return new RequestValidator(schemas, validateBody, validateParameters, requiredHeaders, requiredQueryStrings);
    }

    /** The refusal when the request does not pass, else empty. */
    Optional<GatewayError> check(Request request) {
        if (validateParameters) {
            List<String> missing = new ArrayList<>();
            requiredHeaders.stream().filter(h -> request.header(h).isEmpty()).forEach(missing::add);
            requiredQueryStrings.stream().filter(q -> request.query(q).isEmpty()).forEach(missing::add);
            if (!missing.isEmpty()) {
                return Optional.of(GatewayError.badRequestParameters("Missing required request parameters: ["
                        + String.join(", ", missing) + "]"));
            }
        }
        if (validateBody) {
            String type = request.contentType().isEmpty() ? DEFAULT_CONTENT_TYPE : request.contentType();
            JsonSchema schema = models.get(type);
            List<String> findings = schema == null ? List.of() : findings(schema, request.body());
            if (!findings.isEmpty()) {
                return Optional.of(GatewayError.badRequestBody(validationErrorString(findings)));
            }
        }
        return Optional.empty();
    }

    /** What the schema finds wrong with the body; empty when it is valid. */
    private static List<String> findings(JsonSchema schema, byte[] body) {
        JsonNode document;
        try {
            document = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the body is not JSON");
        }
        return schema.validate(document == null ? JSON.nullNode() : document).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * {@code [finding, finding]}, JSON-escaped but not quoted, so that a template can place it inside a JSON
     * string as templates on AWS do.
     */
    private static String validationErrorString(List<String> findings) {
        return findings.stream().map(GatewayResponses::quoted).map(q -> q.substring(1, q.length() - 1))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
