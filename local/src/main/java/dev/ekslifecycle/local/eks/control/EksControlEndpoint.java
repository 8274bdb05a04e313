package dev.ekslifecycle.local.eks.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.eks.model.EksJson;
import dev.ekslifecycle.local.eks.model.Health;
import dev.ekslifecycle.local.eks.ops.EksError;
import dev.ekslifecycle.local.eks.ops.InsightOperations;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EKS part of the control API (docs/local-eks.md), under {@code /_local/eks/}; {@code ?region=} picks the
 * region (default us-east-1):
 * <ul>
 *   <li>{@code POST clusters/{c}/fail-next} and {@code POST clusters/{c}/node-groups/{ng}/fail-next} with
 *       {@code {"errorCode", "message"}}: the next create or update of it fails with that EKS error code;</li>
 *   <li>{@code POST clusters/{c}/node-groups/{ng}/health} with {@code {"issues": [{"code", "message",
 *       "resourceIds"}]}}: sets the group's health issues (DEGRADED with issues, ACTIVE again without);</li>
 *   <li>{@code POST clusters/{c}/insights} with an insight finding: sets it.</li>
 * </ul>
 * Not an AWS API: errors are plain JSON {@code {"error", "message"}}, 400 for bad input, 404 for unknown paths.
 */
public final class EksControlEndpoint implements Endpoint {

    static final String PREFIX = "/_local/eks/";
    /** The codes of EKS's ErrorCode enum, which is what an update's errors carry. */
    static final Set<String> ERROR_CODES = Set.of("SubnetNotFound", "SecurityGroupNotFound", "EniLimitReached",
            "IpNotAvailable", "AccessDenied", "OperationNotPermitted", "VpcIdNotFound", "Unknown",
            "NodeCreationFailure", "PodEvictionFailure", "InsufficientFreeAddresses", "ClusterUnreachable",
            "InsufficientNumberOfReplicas", "ConfigurationConflict", "AdmissionRequestDenied",
            "UnsupportedAddonModification", "K8sResourceNotFound");
    private static final Pattern FAIL_NEXT =
            Pattern.compile("clusters/([^/]+)(?:/node-groups/([^/]+))?/fail-next");
    private static final Pattern INSIGHTS = Pattern.compile("clusters/([^/]+)/insights");
    private static final Pattern HEALTH = Pattern.compile("clusters/([^/]+)/node-groups/([^/]+)/health");

    private final EksControls eks;

    public EksControlEndpoint(EksControls eks) {
        this.eks = eks;
    }

    /** The body of fail-next. */
    record FailNext(String errorCode, String message) {
    }

    /** The body of health. */
    record HealthBody(List<Health.Issue> issues) {
    }

    @Override
    public String name() {
        return "eks-control";
    }

    @Override
    public boolean accepts(Request request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public Response handle(Request request) {
        String path = request.path().substring(PREFIX.length());
        String region = request.query("region").orElse(LocalAccount.DEFAULT_REGION);
        if (!request.method().equals("POST")) {
            return error(404, "NotFound", "No EKS control route " + request.method() + " " + request.path());
        }
        try {
            Matcher m;
            if ((m = FAIL_NEXT.matcher(path)).matches()) {
                FailNext body = EksJson.MAPPER.readValue(request.bodyText(), FailNext.class);
                if (body.errorCode() == null || !ERROR_CODES.contains(body.errorCode())) {
                    return error(400, "BadRequest", "errorCode must be one of " + ERROR_CODES);
                }
                eks.failNext(region, m.group(1), m.group(2), body.errorCode(), body.message());
                return Response.empty(204);
            }
            if ((m = HEALTH.matcher(path)).matches()) {
                HealthBody body = EksJson.MAPPER.readValue(request.bodyText(), HealthBody.class);
                List<Health.Issue> issues = body.issues() == null ? List.of() : body.issues();
                return Response.of(200, "application/json",
                        EksJson.write(eks.setNodegroupHealth(region, m.group(1), m.group(2), issues)));
            }
            if ((m = INSIGHTS.matcher(path)).matches()) {
                var finding = EksJson.MAPPER.readValue(request.bodyText(), InsightOperations.Finding.class);
                return Response.of(200, "application/json",
                        EksJson.write(eks.setInsight(region, m.group(1), finding)));
            }
        } catch (JsonProcessingException e) {
            return error(400, "BadRequest", "The body is not valid JSON for this route: " + e.getOriginalMessage());
        } catch (EksError e) {
            return error(e.httpStatus() == 404 ? 404 : 400, e.code(), e.getMessage());
        }
        return error(404, "NotFound", "No EKS control route POST " + request.path());
    }

    private static Response error(int status, String error, String message) {
        ObjectNode body = EksJson.MAPPER.createObjectNode().put("error", error).put("message", message);
        return Response.of(status, "application/json", body.toString());
    }
}
