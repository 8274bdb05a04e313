package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Pod objects of the local cluster's workloads. */
final class PodDocuments {

    private PodDocuments() {
    }

    /** A new pod of a workload, Pending and not yet bound to a node. */
    static ObjectNode create(Workload w, String podName, Instant now) {
        ObjectNode pod = Json.object().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("name", podName).put("namespace", w.namespace())
                .put("uid", UUID.nameUUIDFromBytes((w.namespace() + "/" + podName).getBytes()).toString())
                .put("creationTimestamp", now.toString());
        ObjectNode labels = metadata.putObject("labels");
        w.labels().forEach(labels::put);
        if (!w.daemonSet()) {
            labels.put("pod-template-hash", w.replicaSetName().substring(w.name().length() + 1));
        }
        metadata.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", w.ownerKind())
                .put("name", w.ownerName())
                .put("uid", UUID.nameUUIDFromBytes((w.namespace() + "/" + w.ownerName()).getBytes()).toString())
                .put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = pod.putObject("spec");
        spec.putArray("containers").addObject().put("name", w.name()).put("image", w.image());
        spec.put("restartPolicy", "Always").put("schedulerName", "default-scheduler");
        if (w.namespace().equals("kube-system")) {
            spec.put("priorityClassName", w.daemonSet() ? "system-node-critical" : "system-cluster-critical");
        }
        if (w.daemonSet()) {
            spec.putArray("tolerations").addObject().put("operator", "Exists");
        }
        pod.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
        return pod;
    }

    static void bind(ObjectNode pod, JsonNode node, Instant now) {
        ((ObjectNode) pod.get("spec")).put("nodeName", Json.text(node, "metadata", "name"));
        ObjectNode status = (ObjectNode) pod.get("status");
        status.put("hostIP", NodeDocuments.internalIp(node).orElse("")).put("startTime", now.toString());
        status.putArray("conditions").addObject().put("type", "PodScheduled").put("status", "True")
                .put("lastTransitionTime", now.toString());
    }

    static void markRunning(ObjectNode pod, String podIp, Instant now) {
        ObjectNode status = (ObjectNode) pod.get("status");
        status.put("phase", "Running").put("podIP", podIp);
        status.putArray("podIPs").addObject().put("ip", podIp);
        var conditions = status.putArray("conditions");
        for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
            conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now.toString());
        }
    }

    static boolean isHealthy(JsonNode pod) {
        return "Running".equals(Json.text(pod, "status", "phase"))
                && "True".equals(Json.conditionStatus(pod, "Ready"));
    }

    static boolean ownedByDaemonSet(JsonNode pod) {
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (Json.text(ref, "kind").equals("DaemonSet")) {
                return true;
            }
        }
        return false;
    }

    static String nodeName(JsonNode pod) {
        return Json.text(pod, "spec", "nodeName");
    }
}
