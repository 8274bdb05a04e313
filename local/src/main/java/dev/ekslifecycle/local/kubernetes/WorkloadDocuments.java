package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * The controllers behind the local cluster's pods as {@code apps/v1} objects (read-only), so tools that look up a
 * pod's owner find it: {@code kubectl drain} checks that a DaemonSet-owned pod's DaemonSet exists.
 */
final class WorkloadDocuments {

    private WorkloadDocuments() {
    }

    /** {@code kind} is DaemonSet, ReplicaSet or Deployment; {@code null} when the workload has no such object. */
    static ObjectNode of(String kind, Workload w, long pods, long ready) {
        boolean matches = switch (kind) {
            case "DaemonSet" -> w.daemonSet();
            case "ReplicaSet", "Deployment" -> !w.daemonSet();
            default -> false;
        };
        if (!matches) {
            return null;
        }
        String name = kind.equals("ReplicaSet") ? w.replicaSetName() : w.name();
        ObjectNode o = Json.object().put("apiVersion", "apps/v1").put("kind", kind);
        ObjectNode metadata = o.putObject("metadata").put("name", name).put("namespace", w.namespace())
                .put("uid", UUID.nameUUIDFromBytes((w.namespace() + "/" + name).getBytes()).toString())
                .put("generation", 1);
        ObjectNode labels = metadata.putObject("labels");
        w.labels().forEach(labels::put);
        ObjectNode spec = o.putObject("spec");
        ObjectNode matchLabels = spec.putObject("selector").putObject("matchLabels");
        w.labels().forEach(matchLabels::put);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", matchLabels.deepCopy());
        template.putObject("spec").putArray("containers").addObject().put("name", w.name()).put("image", w.image());
        ObjectNode status = o.putObject("status").put("observedGeneration", 1);
        if (w.daemonSet()) {
            status.put("desiredNumberScheduled", pods).put("currentNumberScheduled", pods)
                    .put("numberReady", ready).put("numberAvailable", ready).put("numberMisscheduled", 0);
        } else {
            spec.put("replicas", w.replicas());
            status.put("replicas", pods).put("readyReplicas", ready).put("availableReplicas", ready);
        }
        return o;
    }
}
