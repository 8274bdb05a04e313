package dev.ekslifecycle.local.kubernetes;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.eks.ClusterApiServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Every emulated cluster's Kubernetes API. A cluster's objects exist as soon as its first node joins or its API
 * server opens; its API is served under {@code {edge}/k8s/{cluster}} while open. Also the Java side of the fault
 * hooks: node readiness, node-monitoring conditions and blocked evictions.
 */
public final class KubernetesClusters implements ClusterApiServers {

    /** Where a pod that was just scheduled becomes Running. */
    public static final Duration DEFAULT_POD_STARTUP = Duration.ofSeconds(5);

    private final SimulationClock clock;
    private final Supplier<String> edgeUrl;
    private final Duration podStartup;
    private final List<Workload> workloads;
    private final Map<String, ClusterStore> stores = new ConcurrentHashMap<>();
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Runnable changed = () -> { };

    /**
     * @param edgeUrl the edge port's base URL ({@code http://127.0.0.1:4566}), asked each time a cluster opens
     */
    public KubernetesClusters(SimulationClock clock, Supplier<String> edgeUrl, Duration podStartup,
                              List<Workload> workloads) {
        this.clock = clock;
        this.edgeUrl = edgeUrl;
        this.podStartup = podStartup;
        this.workloads = List.copyOf(workloads);
    }

    public KubernetesClusters(SimulationClock clock, Supplier<String> edgeUrl) {
        this(clock, edgeUrl, DEFAULT_POD_STARTUP, Workload.defaults());
    }

    public void addNodeListener(NodeListener listener) {
        listeners.add(listener);
    }

    /** Called after every change of any cluster's objects, for saving them. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    public KubernetesSnapshot snapshot() {
        return new KubernetesSnapshot(stores.values().stream().map(ClusterStore::snapshot).toList(),
                List.copyOf(open.keySet()));
    }

    public void restore(KubernetesSnapshot saved) {
        for (ClusterSnapshot c : saved.clusters()) {
            stores.put(c.clusterName(), ClusterStore.restored(c, clock, podStartup, workloads, this::changed));
        }
        saved.open().forEach(name -> open.put(name, true));
    }

    private void changed() {
        changed.run();
    }

    @Override
    public String open(String clusterName, String kubernetesVersion) {
        open.put(clusterName, true);
        store(clusterName).setVersion(kubernetesVersion);
        return edgeUrl.get() + KubernetesEndpoint.PREFIX + clusterName;
    }

    @Override
    public void setVersion(String clusterName, String kubernetesVersion) {
        store(clusterName).setVersion(kubernetesVersion);
    }

    @Override
    public void close(String clusterName) {
        open.remove(clusterName);
        stores.remove(clusterName);
        changed();
    }

    /** The cluster's objects, created empty if nothing of it exists yet (a node group's first node). */
    public ClusterStore store(String clusterName) {
        return stores.computeIfAbsent(clusterName,
                name -> ClusterStore.fresh(name, clock, podStartup, workloads, this::changed));
    }

    /** The cluster whose API server is open. */
    Optional<ClusterStore> served(String clusterName) {
        return open.containsKey(clusterName) ? Optional.ofNullable(stores.get(clusterName)) : Optional.empty();
    }

    /** Fault: the node's kubelet stops posting ready status. */
    public boolean markNodeNotReady(String clusterName, String nodeName) {
        return setCondition(clusterName, nodeName, "Ready", false, "KubeletNotReady",
                "Kubelet stopped posting node status.");
    }

    /** Fault (or recovery): a node condition such as NetworkingReady turns unhealthy (or healthy). */
    public boolean setCondition(String clusterName, String nodeName, String type, boolean healthy, String reason,
                                String message) {
        ClusterStore store = stores.get(clusterName);
        boolean found = store != null && store.setCondition(nodeName, type, healthy, reason, message);
        if (found) {
            listeners.forEach(l -> l.nodeChanged(clusterName, nodeName));
        }
        return found;
    }
}
