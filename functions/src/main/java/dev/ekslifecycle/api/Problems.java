package dev.ekslifecycle.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.Problem;
import java.util.List;

/**
 * RFC 9457 problem details: every error the API returns is {@code application/problem+json} with a type, a title,
 * the status and a detail; validation errors add {@code violations}, each with its JSON path and reason.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_BASE = "https://eks-lifecycle.dev/problems/";

    private Problems() {
    }

    public static ApiResponse of(int status, String title, String detail) {
        return respond(base(status, title, detail));
    }

    /** A 400 listing every violation. */
    public static ApiResponse invalid(String detail, List<Problem> violations) {
        ObjectNode body = base(400, "Invalid Request", detail);
        ArrayNode list = body.putArray("violations");
        for (Problem p : violations) {
            list.addObject().put("path", p.path()).put("message", p.reason());
        }
        return respond(body);
    }

    /** A 409 naming the operation in the way. */
    public static ApiResponse conflict(String detail, String blockingOperationId) {
        ObjectNode body = base(409, "Conflict", detail);
        if (blockingOperationId != null) {
            body.put("operationId", blockingOperationId);
        }
        return respond(body);
    }

    private static ObjectNode base(int status, String title, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", TYPE_BASE + title.toLowerCase().replace(' ', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static ApiResponse respond(ObjectNode body) {
        return new ApiResponse(body.get("status").asInt(), java.util.Map.of("Content-Type", MEDIA_TYPE),
                body.toString());
    }
}
