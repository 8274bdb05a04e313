package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes API error: answered as a {@code Status} object with the HTTP code, reason and message the API
 * server uses. Thrown inside request handling; never leaves the endpoint.
 */
public final class KubeStatus extends RuntimeException {

    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    public KubeStatus(int code, String reason, String message, ObjectNode details) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    public static KubeStatus notFound(String resource, String name) {
        ObjectNode details = Json.object().put("name", name).put("kind", resource);
        return new KubeStatus(404, "NotFound", resource + " \"" + name + "\" not found", details);
    }

    public static KubeStatus badRequest(String message) {
        return new KubeStatus(400, "BadRequest", message, null);
    }

    public int code() {
        return code;
    }

    /** The Status document. */
    public ObjectNode toJson() {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }

    /** The Status an API server answers a successful delete or eviction with. */
    public static ObjectNode success(int code) {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Success").put("code", code);
    }
}
