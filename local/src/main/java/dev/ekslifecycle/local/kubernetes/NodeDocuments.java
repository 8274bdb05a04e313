package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.eks.NodeGroupFleet.Taint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Node objects as an EKS managed node group's kubelet registers them. */
final class NodeDocuments {

    /** The conditions a kubelet and the EKS node monitoring agent set, healthy ones first. */
    static final List<String> HEALTH_CONDITIONS =
            List.of("KernelReady", "NetworkingReady", "StorageReady", "ContainerRuntimeReady",
                    "AcceleratedHardwareReady");
    private static final Map<String, String> PRESSURE_CONDITIONS = Map.of(
            "MemoryPressure", "KubeletHasSufficientMemory",
            "DiskPressure", "KubeletHasNoDiskPressure",
            "PIDPressure", "KubeletHasSufficientPID");

    private NodeDocuments() {
    }

    static ObjectNode create(NodeSpec spec, Instant now) {
        String region = spec.region();
        ObjectNode node = Json.object().put("apiVersion", "v1").put("kind", "Node");
        ObjectNode metadata = node.putObject("metadata").put("name", spec.nodeName())
                .put("uid", java.util.UUID.nameUUIDFromBytes(spec.instanceId().getBytes()).toString())
                .put("creationTimestamp", now.toString());
        ObjectNode labels = metadata.putObject("labels");
        labels.put("kubernetes.io/hostname", spec.nodeName()).put("kubernetes.io/os", "linux")
                .put("kubernetes.io/arch", "amd64").put("beta.kubernetes.io/os", "linux")
                .put("beta.kubernetes.io/arch", "amd64")
                .put("node.kubernetes.io/instance-type", spec.instanceType())
                .put("beta.kubernetes.io/instance-type", spec.instanceType())
                .put("topology.kubernetes.io/region", region)
                .put("topology.kubernetes.io/zone", spec.availabilityZone())
                .put("failure-domain.beta.kubernetes.io/region", region)
                .put("failure-domain.beta.kubernetes.io/zone", spec.availabilityZone())
                .put("eks.amazonaws.com/nodegroup-image", spec.imageId())
                .put("k8s.io/cloud-provider-aws", "local");
        spec.labels().forEach(labels::put);
        metadata.putObject("annotations").put("alpha.kubernetes.io/provided-node-ip", spec.privateIpAddress())
                .put("node.alpha.kubernetes.io/ttl", "0")
                .put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        ObjectNode nodeSpec = node.putObject("spec")
                .put("providerID", "aws:///" + spec.availabilityZone() + "/" + spec.instanceId());
        setTaints(node, spec.taints());
        if (nodeSpec.path("taints").isEmpty()) {
            nodeSpec.remove("taints");
        }
        ObjectNode status = node.putObject("status");
        ArrayNode conditions = status.putArray("conditions");
        new java.util.TreeMap<>(PRESSURE_CONDITIONS).forEach((type, reason) ->
                conditions.add(condition(type, "False", reason, "kubelet reports no " + type, now)));
        conditions.add(condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
        for (String type : HEALTH_CONDITIONS) {
            conditions.add(condition(type, "True", type.replace("Ready", "IsReady"),
                    "Monitoring for the " + type.replace("Ready", "") + " system is active", now));
        }
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", spec.privateIpAddress());
        addresses.addObject().put("type", "InternalDNS").put("address", spec.nodeName());
        addresses.addObject().put("type", "Hostname").put("address", spec.nodeName());
        ObjectNode capacity = status.putObject("capacity").put("cpu", "2").put("memory", "7950652Ki")
                .put("pods", "29").put("ephemeral-storage", "20959212Ki");
        status.set("allocatable", capacity.deepCopy().put("cpu", "1930m").put("memory", "7260476Ki"));
        status.putObject("nodeInfo").put("kubeletVersion", spec.kubeletVersion())
                .put("kubeProxyVersion", spec.kubeletVersion()).put("operatingSystem", "linux")
                .put("architecture", "amd64").put("osImage", "Amazon Linux 2023.6.20250123")
                .put("containerRuntimeVersion", "containerd://1.7.25").put("kernelVersion", "6.1.124-134.200.amzn2023.x86_64")
                .put("machineID", spec.instanceId().substring(2)).put("systemUUID", spec.instanceId().substring(2))
                .put("bootID", java.util.UUID.nameUUIDFromBytes((spec.instanceId() + "boot").getBytes()).toString());
        return node;
    }

    static ObjectNode condition(String type, String status, String reason, String message, Instant now) {
        return Json.object().put("type", type).put("status", status).put("lastHeartbeatTime", now.toString())
                .put("lastTransitionTime", now.toString()).put("reason", reason).put("message", message);
    }

    /** Replaces the taints, spelled the Kubernetes way (NoSchedule) from EKS's (NO_SCHEDULE). */
    static void setTaints(ObjectNode node, List<Taint> taints) {
        ObjectNode spec = (ObjectNode) node.get("spec");
        ArrayNode out = Json.array();
        for (JsonNode existing : spec.path("taints")) {
            if (Json.text(existing, "key").startsWith("node.kubernetes.io/")) {
                out.add(existing);
            }
        }
        for (Taint t : taints) {
            ObjectNode taint = out.addObject().put("key", t.key());
            if (t.value() != null) {
                taint.put("value", t.value());
            }
            taint.put("effect", kubernetesEffect(t.effect()));
        }
        spec.set("taints", out);
    }

    static String kubernetesEffect(String eksEffect) {
        return switch (eksEffect) {
            case "NO_SCHEDULE" -> "NoSchedule";
            case "NO_EXECUTE" -> "NoExecute";
            case "PREFER_NO_SCHEDULE" -> "PreferNoSchedule";
            default -> eksEffect;
        };
    }

    static boolean isReady(JsonNode node) {
        return "True".equals(Json.conditionStatus(node, "Ready"));
    }

    /** The node's InternalIP address, if it has one. */
    static Optional<String> internalIp(JsonNode node) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (Json.text(a, "type").equals("InternalIP")) {
                return Optional.of(Json.text(a, "address"));
            }
        }
        return Optional.empty();
    }

    /** Ready, not cordoned and without a taint that repels ordinary pods. */
    static boolean acceptsWorkloads(JsonNode node) {
        if (!isReady(node) || node.path("spec").path("unschedulable").asBoolean(false)) {
            return false;
        }
        for (JsonNode t : node.path("spec").path("taints")) {
            String effect = Json.text(t, "effect");
            if (effect.equals("NoSchedule") || effect.equals("NoExecute")) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> labels(JsonNode node) {
        return Json.strings(node.path("metadata").path("labels"));
    }
}
