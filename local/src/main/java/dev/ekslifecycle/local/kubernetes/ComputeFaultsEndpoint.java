package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compute fault hooks on the edge port, under {@code /_local/compute/} (see docs/local-compute.md):
 * <ul>
 *   <li>{@code POST clusters/{c}/nodes/{n}/not-ready}: the node's Ready condition turns False;</li>
 *   <li>{@code POST clusters/{c}/nodes/{n}/conditions} with {@code {"type","healthy","reason","message"}}: any
 *       condition, e.g. NetworkingReady unhealthy, or Ready healthy again;</li>
 *   <li>{@code POST clusters/{c}/namespaces/{ns}/pods/{p}/block-eviction}: budgets covering the pod refuse
 *       every eviction;</li>
 *   <li>{@code DELETE clusters/{c}/eviction-blocks}: lifts those blocks.</li>
 * </ul>
 */
public final class ComputeFaultsEndpoint implements Endpoint {

    static final String PREFIX = "/_local/compute/";

    private static final Pattern NODE = Pattern.compile("clusters/([^/]+)/nodes/([^/]+)/(not-ready|conditions)");
    private static final Pattern POD =
            Pattern.compile("clusters/([^/]+)/namespaces/([^/]+)/pods/([^/]+)/block-eviction");
    private static final Pattern BLOCKS = Pattern.compile("clusters/([^/]+)/eviction-blocks");

    private final KubernetesClusters clusters;

    public ComputeFaultsEndpoint(KubernetesClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public String name() {
        return "compute-faults";
    }

    @Override
    public boolean accepts(Request request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public Response handle(Request request) {
        String path = request.path().substring(PREFIX.length());
        try {
            Matcher m;
            if ((m = NODE.matcher(path)).matches() && request.method().equals("POST")) {
                return node(m.group(1), m.group(2), m.group(3).equals("not-ready"), request);
            }
            if ((m = POD.matcher(path)).matches() && request.method().equals("POST")) {
                List<String> budgets = clusters.store(m.group(1)).blockEvictionOf(m.group(2), m.group(3));
                ObjectNode body = Json.object();
                ArrayNode names = body.putArray("budgets");
                budgets.forEach(names::add);
                return ok(body);
            }
            if ((m = BLOCKS.matcher(path)).matches() && request.method().equals("DELETE")) {
                clusters.store(m.group(1)).unblockEvictions();
                return Response.empty(204);
            }
            return error(404, "no fault hook at " + request.method() + " " + request.path());
        } catch (KubeStatus status) {
            return error(status.code(), status.getMessage());
        }
    }

    private Response node(String cluster, String node, boolean notReady, Request request) {
        boolean found;
        if (notReady) {
            found = clusters.markNodeNotReady(cluster, node);
        } else {
            ObjectNode body = Json.parseObject(request.body());
            String type = Json.text(body, "type");
            if (type.isEmpty() || !body.path("healthy").isBoolean()) {
                return error(400, "a condition needs \"type\" and a boolean \"healthy\"");
            }
            boolean healthy = body.get("healthy").asBoolean();
            String reason = Json.text(body, "reason");
            found = clusters.setCondition(cluster, node, type, healthy,
                    reason.isEmpty() ? (healthy ? type.replace("Ready", "IsReady") : "Injected" + type) : reason,
                    Json.text(body, "message"));
        }
        return found ? Response.empty(204) : error(404, "no node " + node + " in cluster " + cluster);
    }

    private static Response ok(ObjectNode body) {
        return Response.of(200, "application/json", body.toString());
    }

    private static Response error(int status, String message) {
        return Response.of(status, "application/json", Json.object().put("message", message).toString());
    }
}
