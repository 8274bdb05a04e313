package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.eks.NodeGroupFleet.Taint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of one cluster's Kubernetes API: nodes, pods and PodDisruptionBudgets, plus the little control loop
 * that keeps workloads running (a DaemonSet pod per node; replicas recreated and scheduled onto Ready, schedulable
 * nodes, Running after a start-up time). Objects are kept as JSON trees, the form the API serves and patches; reads
 * return copies.
 */
public final class ClusterStore {

    private final String clusterName;
    private final SimulationClock clock;
    private final Duration podStartup;
    private final List<Workload> workloads;
    private final Random names;
    private final Map<String, ObjectNode> nodes = new TreeMap<>();
    private final Map<String, ObjectNode> pods = new TreeMap<>();
    private final Map<String, ObjectNode> budgets = new TreeMap<>();
    private final Set<String> blockedBudgets = new HashSet<>();
    private final Runnable changed;
    private String version;
    private long resourceVersion;
    private int podAddresses;

    private ClusterStore(String clusterName, String version, SimulationClock clock, Duration podStartup,
                         List<Workload> workloads, Runnable changed) {
        this.clusterName = clusterName;
        this.version = version;
        this.clock = clock;
        this.podStartup = podStartup;
        this.workloads = List.copyOf(workloads);
        this.changed = changed;
        this.names = new Random(clusterName.hashCode());
    }

    /** A cluster with nothing but its workloads' budgets; their pods wait for nodes. */
    static ClusterStore fresh(String clusterName, SimulationClock clock, Duration podStartup,
                              List<Workload> workloads, Runnable changed) {
        ClusterStore store = new ClusterStore(clusterName, null, clock, podStartup, workloads, changed);
        synchronized (store) {
            for (Workload w : workloads) {
                if (w.budgetMaxUnavailable() > 0) {
                    ObjectNode pdb = Json.object();
                    pdb.putObject("metadata").put("name", w.name());
                    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", w.budgetMaxUnavailable());
                    ObjectNode matchLabels = spec.putObject("selector").putObject("matchLabels");
                    w.labels().forEach(matchLabels::put);
                    store.createBudget(w.namespace(), pdb);
                }
            }
            store.reconcile();
        }
        return store;
    }

    /** A cluster as it was saved; pods that were starting are Running after the start-up time from now. */
    static ClusterStore restored(ClusterSnapshot saved, SimulationClock clock, Duration podStartup,
                                 List<Workload> workloads, Runnable changed) {
        ClusterStore store = new ClusterStore(saved.clusterName(), saved.version(), clock, podStartup, workloads,
                changed);
        synchronized (store) {
            store.resourceVersion = saved.resourceVersion();
            store.podAddresses = saved.podAddresses();
            saved.nodes().forEach(n -> store.nodes.put(Json.text(n, "metadata", "name"), n.deepCopy()));
            saved.pods().forEach(p -> store.pods.put(key(p), p.deepCopy()));
            saved.budgets().forEach(b -> store.budgets.put(key(b), b.deepCopy()));
            store.blockedBudgets.addAll(saved.blockedBudgets());
            for (ObjectNode pod : store.pods.values()) {
                if (!PodDocuments.nodeName(pod).isEmpty() && !"Running".equals(Json.text(pod, "status", "phase"))) {
                    String uid = Json.text(pod, "metadata", "uid");
                    clock.scheduleAfter(podStartup, () -> store.started(key(pod), uid));
                }
            }
            store.reconcile();
        }
        return store;
    }

    synchronized ClusterSnapshot snapshot() {
        return new ClusterSnapshot(clusterName, version, resourceVersion, podAddresses,
                nodes.values().stream().map(ObjectNode::deepCopy).toList(),
                pods.values().stream().map(ObjectNode::deepCopy).toList(),
                budgets.values().stream().map(ObjectNode::deepCopy).toList(), List.copyOf(blockedBudgets));
    }

    private static String key(JsonNode namespaced) {
        return Json.text(namespaced, "metadata", "namespace") + "/" + Json.text(namespaced, "metadata", "name");
    }

    public String clusterName() {
        return clusterName;
    }

    /** The cluster's time: the shared clock's. */
    java.time.Instant now() {
        return clock.instant();
    }

    public synchronized String version() {
        return version;
    }

    synchronized void setVersion(String newVersion) {
        this.version = newVersion;
        changed.run();
    }

    // ---- nodes ----

    /** A node registers (its kubelet came up); DaemonSet pods and waiting replicas land on it. */
    public synchronized void joinNode(NodeSpec spec) {
        ObjectNode node = NodeDocuments.create(spec, clock.instant());
        ((ObjectNode) node.get("metadata")).put("resourceVersion", nextVersion());
        nodes.put(spec.nodeName(), node);
        reconcile();
    }

    /** The node is gone (its instance terminated): it and its pods are deleted; replicas move elsewhere. */
    public synchronized boolean removeNode(String nodeName) {
        if (nodes.remove(nodeName) == null) {
            return false;
        }
        pods.values().removeIf(p -> PodDocuments.nodeName(p).equals(nodeName));
        reconcile();
        return true;
    }

    public synchronized Optional<ObjectNode> node(String nodeName) {
        return Optional.ofNullable(nodes.get(nodeName)).map(ObjectNode::deepCopy);
    }

    public synchronized boolean nodeReady(String nodeName) {
        ObjectNode node = nodes.get(nodeName);
        return node != null && NodeDocuments.isReady(node);
    }

    synchronized List<ObjectNode> nodes(LabelSelector labels, FieldSelector fields) {
        return nodes.values().stream()
                .filter(n -> labels.matches(NodeDocuments.labels(n)) && fields.matches(n))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode patchNode(String nodeName, String contentType, byte[] patch) {
        ObjectNode node = existingNode(nodeName);
        ObjectNode patched = Patches.apply(contentType, node, patch);
        return storeNode(nodeName, patched);
    }

    synchronized ObjectNode replaceNode(String nodeName, ObjectNode body) {
        ObjectNode node = existingNode(nodeName);
        String expected = Json.text(body, "metadata", "resourceVersion");
        if (!expected.isEmpty() && !expected.equals(Json.text(node, "metadata", "resourceVersion"))) {
            throw new KubeStatus(409, "Conflict", "Operation cannot be fulfilled on nodes \"" + nodeName
                    + "\": the object has been modified; please apply your changes to the latest version and try"
                    + " again", null);
        }
        return storeNode(nodeName, body);
    }

    /** Cordons a node and adds labels (a roll marks old nodes for exclusion from load balancers). */
    public synchronized void cordon(String nodeName, Map<String, String> extraLabels) {
        ObjectNode node = nodes.get(nodeName);
        if (node == null) {
            return;
        }
        ((ObjectNode) node.get("spec")).put("unschedulable", true);
        ObjectNode labels = Json.labels(node);
        extraLabels.forEach(labels::put);
        touch(node);
    }

    /** Swaps the node group's labels and taints on a node, leaving the kubelet's own labels alone. */
    public synchronized void replaceGroupMetadata(String nodeName, Map<String, String> oldLabels,
                                                  Map<String, String> newLabels, List<Taint> taints) {
        ObjectNode node = nodes.get(nodeName);
        if (node == null) {
            return;
        }
        ObjectNode labels = Json.labels(node);
        oldLabels.keySet().forEach(labels::remove);
        newLabels.forEach(labels::put);
        NodeDocuments.setTaints(node, taints);
        touch(node);
        reconcile();
    }

    /** Sets a node condition (Ready, or one of the node monitoring agent's); true when the node exists. */
    public synchronized boolean setCondition(String nodeName, String type, boolean healthy, String reason,
                                             String message) {
        ObjectNode node = nodes.get(nodeName);
        if (node == null) {
            return false;
        }
        boolean pressure = type.endsWith("Pressure");
        String status = healthy != pressure ? "True" : "False";
        ArrayNode conditions = (ArrayNode) node.get("status").get("conditions");
        for (int i = 0; i < conditions.size(); i++) {
            if (Json.text(conditions.get(i), "type").equals(type)) {
                conditions.remove(i);
                break;
            }
        }
        conditions.add(NodeDocuments.condition(type, status, reason, message, clock.instant()));
        touch(node);
        reconcile();
        return true;
    }

    synchronized void deleteNode(String nodeName) {
        existingNode(nodeName);
        removeNode(nodeName);
    }

    // ---- pods ----

    synchronized List<ObjectNode> pods(String namespace, LabelSelector labels, FieldSelector fields) {
        return pods.values().stream()
                .filter(p -> namespace == null || Json.text(p, "metadata", "namespace").equals(namespace))
                .filter(p -> labels.matches(Json.strings(p.path("metadata").path("labels"))) && fields.matches(p))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode pod(String namespace, String name) {
        ObjectNode pod = pods.get(namespace + "/" + name);
        if (pod == null) {
            throw KubeStatus.notFound("pods", name);
        }
        return pod.deepCopy();
    }

    /** Deletes a pod; its controller creates a replacement. */
    public synchronized ObjectNode deletePod(String namespace, String name) {
        ObjectNode pod = pods.remove(namespace + "/" + name);
        if (pod == null) {
            throw KubeStatus.notFound("pods", name);
        }
        reconcile();
        return pod;
    }

    /** The pods a drain evicts from a node: all but DaemonSet pods, as {@code namespace/name}. */
    public synchronized List<String> podsToDrain(String nodeName) {
        return pods.entrySet().stream()
                .filter(e -> PodDocuments.nodeName(e.getValue()).equals(nodeName)
                        && !PodDocuments.ownedByDaemonSet(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The Eviction subresource: deletes the pod unless a PodDisruptionBudget forbids it, in which case the API
     * server answers 429 with the budget named in the Status details.
     */
    public synchronized void evict(String namespace, String name) {
        ObjectNode pod = pods.get(namespace + "/" + name);
        if (pod == null) {
            throw KubeStatus.notFound("pods", name);
        }
        List<ObjectNode> covering = budgets.values().stream()
                .filter(b -> Json.text(b, "metadata", "namespace").equals(namespace))
                .filter(b -> LabelSelector.fromObject(b.path("spec").get("selector"))
                        .matches(Json.strings(pod.path("metadata").path("labels"))))
                .toList();
        if (covering.size() > 1) {
            throw new KubeStatus(500, "InternalError",
                    "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
                    null);
        }
        if (covering.size() == 1 && PodDocuments.isHealthy(pod)) {
            BudgetStatus status = budgetStatus(covering.get(0));
            if (status.disruptionsAllowed() <= 0) {
                ObjectNode details = Json.object();
                details.putArray("causes").addObject().put("reason", "DisruptionBudget")
                        .put("message", "The disruption budget " + Json.text(covering.get(0), "metadata", "name")
                                + " needs " + status.desiredHealthy() + " healthy pods and has "
                                + status.currentHealthy() + " currently");
                throw new KubeStatus(429, "TooManyRequests",
                        "Cannot evict pod as it would violate the pod's disruption budget.", details);
            }
        }
        pods.remove(namespace + "/" + name);
        reconcile();
    }

    // ---- PodDisruptionBudgets ----

    synchronized List<ObjectNode> budgets(String namespace, LabelSelector labels) {
        return budgets.values().stream()
                .filter(b -> namespace == null || Json.text(b, "metadata", "namespace").equals(namespace))
                .filter(b -> labels.matches(Json.strings(b.path("metadata").path("labels"))))
                .map(this::withStatus).toList();
    }

    synchronized ObjectNode budget(String namespace, String name) {
        ObjectNode b = budgets.get(namespace + "/" + name);
        if (b == null) {
            throw KubeStatus.notFound("poddisruptionbudgets.policy", name);
        }
        return withStatus(b);
    }

    synchronized ObjectNode createBudget(String namespace, ObjectNode body) {
        String name = Json.text(body, "metadata", "name");
        if (name.isEmpty()) {
            throw new KubeStatus(422, "Invalid", "PodDisruptionBudget.policy \"\" is invalid: metadata.name:"
                    + " Required value: name or generateName is required", null);
        }
        JsonNode spec = body.path("spec");
        if (spec.has("minAvailable") == spec.has("maxUnavailable")) {
            throw new KubeStatus(422, "Invalid", "PodDisruptionBudget.policy \"" + name + "\" is invalid: spec:"
                    + " Invalid value: minAvailable and maxUnavailable cannot be both set", null);
        }
        if (budgets.containsKey(namespace + "/" + name)) {
            throw new KubeStatus(409, "AlreadyExists",
                    "poddisruptionbudgets.policy \"" + name + "\" already exists", null);
        }
        LabelSelector.fromObject(spec.get("selector"));
        ObjectNode stored = body.deepCopy().put("apiVersion", "policy/v1").put("kind", "PodDisruptionBudget");
        ObjectNode metadata = (ObjectNode) stored.get("metadata");
        metadata.put("namespace", namespace).put("creationTimestamp", clock.instant().toString())
                .put("uid", java.util.UUID.nameUUIDFromBytes((clusterName + "/pdb/" + namespace + "/" + name
                        + "/" + resourceVersion).getBytes()).toString())
                .put("generation", 1).put("resourceVersion", nextVersion());
        stored.remove("status");
        budgets.put(namespace + "/" + name, stored);
        return withStatus(stored);
    }

    /**
     * Makes every budget covering the pod forbid disruptions (a fault for tests); when no budget covers it, adds
     * one with {@code maxUnavailable: 0} that selects it. Returns the budgets' names.
     */
    public synchronized List<String> blockEvictionOf(String namespace, String podName) {
        ObjectNode pod = pod(namespace, podName);
        Map<String, String> labels = Json.strings(pod.path("metadata").path("labels"));
        List<String> names = new ArrayList<>();
        for (ObjectNode b : budgets.values()) {
            if (Json.text(b, "metadata", "namespace").equals(namespace)
                    && LabelSelector.fromObject(b.path("spec").get("selector")).matches(labels)) {
                names.add(Json.text(b, "metadata", "name"));
            }
        }
        if (names.isEmpty()) {
            ObjectNode pdb = Json.object();
            pdb.putObject("metadata").put("name", podName + "-blocked");
            ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 0);
            ObjectNode matchLabels = spec.putObject("selector").putObject("matchLabels");
            labels.forEach(matchLabels::put);
            createBudget(namespace, pdb);
            names.add(podName + "-blocked");
        }
        names.forEach(n -> blockedBudgets.add(namespace + "/" + n));
        return names;
    }

    /** Lifts every block set by {@link #blockEvictionOf}. */
    public synchronized void unblockEvictions() {
        blockedBudgets.clear();
    }

    // ---- controllers (apps/v1, read-only) ----

    /** The workloads' DaemonSets, ReplicaSets or Deployments in a namespace (all when null). */
    synchronized List<ObjectNode> controllers(String kind, String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        for (Workload w : workloads) {
            if (namespace == null || w.namespace().equals(namespace)) {
                List<ObjectNode> own = podsOf(w);
                ObjectNode o = WorkloadDocuments.of(kind, w, own.size(),
                        own.stream().filter(PodDocuments::isHealthy).count());
                if (o != null) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    // ---- internals ----

    private ObjectNode existingNode(String nodeName) {
        ObjectNode node = nodes.get(nodeName);
        if (node == null) {
            throw KubeStatus.notFound("nodes", nodeName);
        }
        return node;
    }

    private ObjectNode storeNode(String nodeName, ObjectNode replacement) {
        ObjectNode metadata = (ObjectNode) replacement.get("metadata");
        if (metadata == null || !Json.text(replacement, "metadata", "name").equals(nodeName)) {
            throw KubeStatus.badRequest("the name of the object (" + Json.text(replacement, "metadata", "name")
                    + ") does not match the name on the URL (" + nodeName + ")");
        }
        replacement.put("apiVersion", "v1").put("kind", "Node");
        metadata.put("resourceVersion", nextVersion());
        nodes.put(nodeName, replacement);
        reconcile();
        return replacement.deepCopy();
    }

    private void touch(ObjectNode object) {
        ((ObjectNode) object.get("metadata")).put("resourceVersion", nextVersion());
    }

    private String nextVersion() {
        changed.run();
        return String.valueOf(++resourceVersion);
    }

    private record BudgetStatus(int expectedPods, int currentHealthy, int desiredHealthy, int disruptionsAllowed) {
    }

    private BudgetStatus budgetStatus(ObjectNode budget) {
        String namespace = Json.text(budget, "metadata", "namespace");
        LabelSelector selector = LabelSelector.fromObject(budget.path("spec").get("selector"));
        List<ObjectNode> matching = pods.values().stream()
                .filter(p -> Json.text(p, "metadata", "namespace").equals(namespace))
                .filter(p -> selector.matches(Json.strings(p.path("metadata").path("labels")))).toList();
        int expected = matching.size();
        int healthy = (int) matching.stream().filter(PodDocuments::isHealthy).count();
        JsonNode spec = budget.path("spec");
        int desired = spec.has("minAvailable")
                ? scaled(spec.get("minAvailable"), expected)
                : expected - scaled(spec.get("maxUnavailable"), expected);
        int allowed = blockedBudgets.contains(namespace + "/" + Json.text(budget, "metadata", "name"))
                ? 0 : Math.max(0, healthy - desired);
        return new BudgetStatus(expected, healthy, Math.max(0, desired), allowed);
    }

    /** An int-or-percent of {@code total}, percentages rounded up as the disruption controller does. */
    private static int scaled(JsonNode intOrPercent, int total) {
        if (intOrPercent.isTextual() && intOrPercent.asText().endsWith("%")) {
            String digits = intOrPercent.asText().substring(0, intOrPercent.asText().length() - 1);
            try {
                return (int) Math.ceil(total * Integer.parseInt(digits) / 100.0);
            } catch (NumberFormatException e) {
                throw KubeStatus.badRequest("invalid value for IntOrString: " + intOrPercent.asText());
            }
        }
        return intOrPercent.asInt();
    }

    private ObjectNode withStatus(ObjectNode budget) {
        BudgetStatus s = budgetStatus(budget);
        ObjectNode copy = budget.deepCopy();
        ObjectNode status = copy.putObject("status").put("observedGeneration", 1)
                .put("disruptionsAllowed", s.disruptionsAllowed()).put("currentHealthy", s.currentHealthy())
                .put("desiredHealthy", s.desiredHealthy()).put("expectedPods", s.expectedPods());
        status.putArray("conditions").addObject().put("type", "DisruptionAllowed")
                .put("status", s.disruptionsAllowed() > 0 ? "True" : "False")
                .put("reason", s.disruptionsAllowed() > 0 ? "SufficientPods" : "InsufficientPods")
                .put("message", "").put("observedGeneration", 1)
                .put("lastTransitionTime", clock.instant().toString());
        return copy;
    }

    /** The controllers and the scheduler: make pods match workloads, then bind waiting pods to nodes. */
    private void reconcile() {
        for (Workload w : workloads) {
            if (w.daemonSet()) {
                for (ObjectNode node : nodes.values()) {
                    String nodeName = Json.text(node, "metadata", "name");
                    boolean present = podsOf(w).stream().anyMatch(p -> PodDocuments.nodeName(p).equals(nodeName));
                    if (!present) {
                        bindAndStart(newPod(w, w.name()), node);
                    }
                }
            } else {
                for (int i = podsOf(w).size(); i < w.replicas(); i++) {
                    newPod(w, w.replicaSetName());
                }
            }
        }
        schedule();
    }

    private void schedule() {
        for (ObjectNode pod : pods.values()) {
            if (!PodDocuments.nodeName(pod).isEmpty()) {
                continue;
            }
            nodes.values().stream().filter(NodeDocuments::acceptsWorkloads)
                    .min(Comparator.comparingLong(this::podCount)
                            .thenComparing(n -> Json.text(n, "metadata", "name")))
                    .ifPresent(node -> bindAndStart(pod, node));
        }
    }

    private long podCount(JsonNode node) {
        String name = Json.text(node, "metadata", "name");
        return pods.values().stream().filter(p -> PodDocuments.nodeName(p).equals(name)).count();
    }

    private List<ObjectNode> podsOf(Workload w) {
        return pods.values().stream()
                .filter(p -> Json.text(p, "metadata", "namespace").equals(w.namespace()))
                .filter(p -> p.path("metadata").path("ownerReferences").path(0).path("name").asText()
                        .equals(w.ownerName()))
                .toList();
    }

    /** A new pod named {@code prefix} and a generated suffix no current pod has. */
    private ObjectNode newPod(Workload w, String prefix) {
        String podName = prefix + "-" + suffix();
        while (pods.containsKey(w.namespace() + "/" + podName)) {
            podName = prefix + "-" + suffix();
        }
        ObjectNode pod = PodDocuments.create(w, podName, clock.instant());
        touch(pod);
        pods.put(w.namespace() + "/" + podName, pod);
        return pod;
    }

    private void bindAndStart(ObjectNode pod, JsonNode node) {
        PodDocuments.bind(pod, node, clock.instant());
        touch(pod);
        String uid = Json.text(pod, "metadata", "uid");
        String key = key(pod);
        clock.scheduleAfter(podStartup, () -> started(key, uid));
    }

    private synchronized void started(String key, String uid) {
        ObjectNode pod = pods.get(key);
        if (pod != null && Json.text(pod, "metadata", "uid").equals(uid)) {
            int n = podAddresses++;
            PodDocuments.markRunning(pod, "10.64." + (n / 250) + "." + (2 + n % 250), clock.instant());
            touch(pod);
        }
    }

    /** Five characters as Kubernetes picks them for generated names. */
    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(names.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
