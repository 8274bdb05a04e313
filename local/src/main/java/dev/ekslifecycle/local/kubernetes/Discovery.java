package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The discovery documents kubectl reads before anything else: which groups, versions and resources exist. */
final class Discovery {

    private Discovery() {
    }

    static JsonNode versions() {
        ObjectNode v = Json.object().put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        v.putArray("serverAddressByClientCIDRs");
        return v;
    }

    static JsonNode groups() {
        ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String name : new String[] {"apps", "policy"}) {
            ObjectNode group = groups.addObject().put("name", name);
            ObjectNode v1 = Json.object().put("groupVersion", name + "/v1").put("version", "v1");
            group.putArray("versions").add(v1);
            group.set("preferredVersion", v1);
        }
        return list;
    }

    /** The APIResourceList of {@code api/v1}, {@code apis/apps/v1} or {@code apis/policy/v1}. */
    static JsonNode resources(String groupVersionPath) {
        boolean core = groupVersionPath.equals("api/v1");
        ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", core ? "v1" : groupVersionPath.substring("apis/".length()));
        ArrayNode resources = list.putArray("resources");
        if (groupVersionPath.equals("apis/apps/v1")) {
            resource(resources, "daemonsets", "daemonset", true, "DaemonSet", "ds", "get", "list");
            resource(resources, "replicasets", "replicaset", true, "ReplicaSet", "rs", "get", "list");
            resource(resources, "deployments", "deployment", true, "Deployment", "deploy", "get", "list");
        } else if (core) {
            resource(resources, "nodes", "node", false, "Node", "no", "get", "list", "patch", "update", "delete");
            resource(resources, "pods", "pod", true, "Pod", "po", "get", "list", "delete");
            resource(resources, "pods/eviction", "", true, "Eviction", null, "create")
                    .put("group", "policy").put("version", "v1");
        } else {
            resource(resources, "poddisruptionbudgets", "poddisruptionbudget", true, "PodDisruptionBudget", "pdb",
                    "get", "list", "create");
        }
        return list;
    }

    private static ObjectNode resource(ArrayNode into, String name, String singular, boolean namespaced, String kind,
                                       String shortName, String... verbs) {
        ObjectNode r = into.addObject().put("name", name).put("singularName", singular)
                .put("namespaced", namespaced).put("kind", kind);
        ArrayNode v = r.putArray("verbs");
        for (String verb : verbs) {
            v.add(verb);
        }
        if (shortName != null) {
            r.putArray("shortNames").add(shortName);
        }
        return r;
    }
}
