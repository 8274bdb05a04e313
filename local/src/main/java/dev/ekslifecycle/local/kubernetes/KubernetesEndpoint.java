package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes API subset of every open cluster, under {@code /k8s/{cluster}} on the edge port: /version,
 * discovery, nodes (list, get, patch, replace, delete), pods (list everywhere / per namespace / by field selector,
 * get, delete, eviction) and PodDisruptionBudgets (list, get, create). Any bearer token is accepted, since EKS
 * tokens ({@code k8s-aws-v1.…}) are presigned STS calls the local cloud does not check; so is no token at all.
 */
public final class KubernetesEndpoint implements Endpoint {

    static final String PREFIX = "/k8s/";

    private final KubernetesClusters clusters;
    private final FaultGate faults;

    public KubernetesEndpoint(KubernetesClusters clusters, FaultInjector injector) {
        this.clusters = clusters;
        this.faults = new FaultGate(injector, "kubernetes");
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public boolean accepts(Request request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public Response handle(Request request) {
        try {
            return json(200, route(request));
        } catch (KubeStatus status) {
            return json(status.code(), status.toJson());
        }
    }

    private static Response json(int status, JsonNode body) {
        return Response.of(status, "application/json", body.toString());
    }

    private JsonNode route(Request request) {
        // kubectl sends no credentials over plain http, so a request without any is let in; one with other
        // credentials than a bearer token is refused as EKS refuses it.
        if (!request.header("Authorization").map(a -> a.startsWith("Bearer ")).orElse(true)) {
            throw new KubeStatus(401, "Unauthorized", "Unauthorized", null);
        }
        List<String> parts = Arrays.stream(request.path().substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        if (parts.isEmpty()) {
            throw notFound();
        }
        String clusterName = parts.get(0);
        ClusterStore store = clusters.served(clusterName).orElseThrow(() -> new KubeStatus(503,
                "ServiceUnavailable", "the API server of cluster " + clusterName + " is not running", null));
        if ("true".equals(request.query("watch").orElse(""))) {
            throw KubeStatus.badRequest("watch is not supported by the local cluster");
        }
        Route route = Route.parse(parts.subList(1, parts.size()), request.method());
        Optional<InjectedFault> fault = faults.check(route.verb() + "/" + route.resource(), clusterName);
        if (fault.isPresent()) {
            throw new KubeStatus(fault.get().httpStatus(), fault.get().errorCode(),
                    fault.get().messageOrDefault(), null);
        }
        JsonNode answer = new ResourceHandlers(store, request).serve(route);
        boolean table = request.method().equals("GET") && TablePrinter.wanted(request.header("Accept").orElse(null));
        return table ? TablePrinter.ofAnswer(route.resource(), answer, store.now()) : answer;
    }

    static KubeStatus notFound() {
        return new KubeStatus(404, "NotFound", "the server could not find the requested resource", null);
    }

    /** What a path names: a resource, maybe in a namespace, maybe one object, maybe a subresource. */
    record Route(String verb, String resource, String namespace, String name, String subresource) {

        /** The resources served per API group ("" is the core group). */
        private static final Map<String, Set<String>> GROUPS = Map.of(
                "", Set.of("nodes", "pods"),
                "policy", Set.of("poddisruptionbudgets"),
                "apps", Set.of("daemonsets", "replicasets", "deployments"));

        static Route parse(List<String> p, String method) {
            if (p.equals(List.of("version")) || p.equals(List.of("api")) || p.equals(List.of("apis"))) {
                return new Route("get", p.get(0), null, null, null);
            }
            if (p.equals(List.of("api", "v1")) || p.equals(List.of("apis", "policy", "v1"))
                    || p.equals(List.of("apis", "apps", "v1"))) {
                return new Route("get", "resources", null, String.join("/", p), null);
            }
            List<String> rest;
            if (p.size() >= 3 && p.get(0).equals("api") && p.get(1).equals("v1")) {
                rest = p.subList(2, p.size());
            } else if (p.size() >= 4 && p.get(0).equals("apis") && GROUPS.containsKey(p.get(1))
                    && p.get(2).equals("v1")) {
                rest = p.subList(3, p.size());
            } else {
                throw notFound();
            }
            String namespace = null;
            if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
                namespace = rest.get(1);
                rest = rest.subList(2, rest.size());
            }
            String resource = rest.get(0);
            String group = p.get(0).equals("api") ? "" : p.get(1);
            if (!GROUPS.getOrDefault(group, Set.of()).contains(resource)
                    || rest.size() > 3 || (resource.equals("nodes") && namespace != null)) {
                throw notFound();
            }
            String name = rest.size() > 1 ? rest.get(1) : null;
            String sub = rest.size() > 2 ? rest.get(2) : null;
            return new Route(verb(method, name, sub), resource, namespace, name, sub);
        }

        private static String verb(String method, String name, String sub) {
            return switch (method) {
                case "GET" -> name == null ? "list" : "get";
                case "POST" -> sub != null ? "create-" + sub : "create";
                case "PATCH" -> "patch";
                case "PUT" -> "update";
                case "DELETE" -> "delete";
                default -> throw new KubeStatus(405, "MethodNotAllowed",
                        "the server does not allow this method on the requested resource", null);
            };
        }
    }

    /** One request against one cluster's objects. */
    private record ResourceHandlers(ClusterStore store, Request request) {

        JsonNode serve(Route r) {
            return switch (r.resource()) {
                case "version" -> version();
                case "api" -> Discovery.versions();
                case "apis" -> Discovery.groups();
                case "resources" -> Discovery.resources(r.name());
                case "nodes" -> nodes(r);
                case "pods" -> pods(r);
                case "poddisruptionbudgets" -> budgets(r);
                default -> controllers(r);
            };
        }

        private JsonNode version() {
            String v = store.version() == null ? "1.31" : store.version();
            String git = KubeletVersions.of(v, null);
            return Json.object().put("major", v.split("\\.")[0]).put("minor", v.split("\\.")[1] + "+")
                    .put("gitVersion", git).put("gitCommit", Integer.toHexString(git.hashCode()))
                    .put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z")
                    .put("goVersion", "go1.23.4").put("compiler", "gc").put("platform", "linux/amd64");
        }

        private JsonNode nodes(Route r) {
            if (r.name() == null) {
                requireVerb(r, "list");
                return list("NodeList", "v1", store.nodes(labelSelector(), fieldSelector(FieldSelector.NODE_FIELDS)));
            }
            return switch (r.verb()) {
                case "get" -> store.node(r.name()).orElseThrow(() -> KubeStatus.notFound("nodes", r.name()));
                case "patch" -> store.patchNode(r.name(), request.contentType(), request.body());
                case "update" -> store.replaceNode(r.name(), Json.parseObject(request.body()));
                case "delete" -> {
                    store.deleteNode(r.name());
                    yield KubeStatus.success(200);
                }
                default -> throw methodNotAllowed();
            };
        }

        private JsonNode pods(Route r) {
            if (r.name() == null) {
                requireVerb(r, "list");
                return list("PodList", "v1",
                        store.pods(r.namespace(), labelSelector(), fieldSelector(FieldSelector.POD_FIELDS)));
            }
            if (r.namespace() == null) {
                throw notFound();
            }
            if ("eviction".equals(r.subresource())) {
                requireVerb(r, "create-eviction");
                checkEviction(r);
                store.evict(r.namespace(), r.name());
                return KubeStatus.success(201);
            }
            if (r.subresource() != null) {
                throw notFound();
            }
            return switch (r.verb()) {
                case "get" -> store.pod(r.namespace(), r.name());
                case "delete" -> store.deletePod(r.namespace(), r.name());
                default -> throw methodNotAllowed();
            };
        }

        private void checkEviction(Route r) {
            ObjectNode eviction = Json.parseObject(request.body());
            String apiVersion = Json.text(eviction, "apiVersion");
            if (!apiVersion.equals("policy/v1") && !apiVersion.equals("policy/v1beta1")) {
                throw KubeStatus.badRequest("the API version in the data (" + apiVersion + ") does not match the"
                        + " expected API version (policy/v1)");
            }
            String named = Json.text(eviction, "metadata", "name");
            if (!named.isEmpty() && !named.equals(r.name())) {
                throw KubeStatus.badRequest("name in URL does not match name in Eviction object");
            }
        }

        private JsonNode budgets(Route r) {
            if (r.subresource() != null) {
                throw notFound();
            }
            if (r.name() == null && r.verb().equals("create")) {
                if (r.namespace() == null) {
                    throw methodNotAllowed();
                }
                ObjectNode body = Json.parseObject(request.body());
                String ns = Json.text(body, "metadata", "namespace");
                if (!ns.isEmpty() && !ns.equals(r.namespace())) {
                    throw KubeStatus.badRequest("the namespace of the provided object does not match the namespace"
                            + " sent on the request");
                }
                return store.createBudget(r.namespace(), body);
            }
            if (r.name() == null) {
                requireVerb(r, "list");
                return list("PodDisruptionBudgetList", "policy/v1", store.budgets(r.namespace(), labelSelector()));
            }
            requireVerb(r, "get");
            if (r.namespace() == null) {
                throw notFound();
            }
            return store.budget(r.namespace(), r.name());
        }

        private JsonNode controllers(Route r) {
            String kind = switch (r.resource()) {
                case "daemonsets" -> "DaemonSet";
                case "replicasets" -> "ReplicaSet";
                default -> "Deployment";
            };
            if (r.subresource() != null) {
                throw notFound();
            }
            List<ObjectNode> found = store.controllers(kind, r.namespace());
            if (r.name() == null) {
                requireVerb(r, "list");
                return list(kind + "List", "apps/v1", found);
            }
            requireVerb(r, "get");
            return found.stream().filter(o -> Json.text(o, "metadata", "name").equals(r.name())).findFirst()
                    .orElseThrow(() -> KubeStatus.notFound(r.resource() + ".apps", r.name()));
        }

        private static void requireVerb(Route r, String verb) {
            if (!r.verb().equals(verb)) {
                throw methodNotAllowed();
            }
        }

        private static KubeStatus methodNotAllowed() {
            return new KubeStatus(405, "MethodNotAllowed",
                    "the server does not allow this method on the requested resource", null);
        }

        private LabelSelector labelSelector() {
            return request.query("labelSelector").map(LabelSelector::parse).orElse(LabelSelector.everything());
        }

        private FieldSelector fieldSelector(Set<String> supported) {
            return FieldSelector.parse(request.query("fieldSelector").orElse(""), supported);
        }

        private ObjectNode list(String kind, String apiVersion, List<ObjectNode> items) {
            ObjectNode list = Json.object().put("kind", kind).put("apiVersion", apiVersion);
            list.putObject("metadata").put("resourceVersion", "0");
            ArrayNode array = list.putArray("items");
            items.forEach(array::add);
            return list;
        }
    }
}
