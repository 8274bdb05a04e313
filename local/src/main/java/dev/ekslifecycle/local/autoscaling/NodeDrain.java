package dev.ekslifecycle.local.autoscaling;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.kubernetes.ClusterStore;
import dev.ekslifecycle.local.kubernetes.KubeStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Drains one node the way a managed node-group update does: cordon it, evict every pod but DaemonSet pods through
 * the Eviction subresource (so PodDisruptionBudgets are honoured), retry refused evictions until the drain limit,
 * then report drained or failed. With {@code force}, reaching the limit counts as drained: the node is terminated
 * with its remaining pods.
 */
final class NodeDrain {

    /** What EKS labels an old node with when it cordons it, so load balancers stop sending it traffic. */
    static final Map<String, String> EXCLUDE_FROM_LOAD_BALANCERS =
            Map.of("node.kubernetes.io/exclude-from-external-load-balancers", "true");

    /** Where a drain reports. */
    interface Result {
        void drained();

        void failed(String nodeName);
    }

    private final ClusterStore cluster;
    private final String nodeName;
    private final SimulationClock clock;
    private final FleetTimings timings;
    private final boolean force;
    private final Object lock;
    private final Result result;
    private Instant deadline;
    private volatile boolean cancelled;

    NodeDrain(ClusterStore cluster, String nodeName, SimulationClock clock, FleetTimings timings, boolean force,
              Object lock, Result result) {
        this.cluster = cluster;
        this.nodeName = nodeName;
        this.clock = clock;
        this.timings = timings;
        this.force = force;
        this.lock = lock;
        this.result = result;
    }

    void start() {
        deadline = clock.instant().plus(timings.drainLimit());
        cluster.cordon(nodeName, EXCLUDE_FROM_LOAD_BALANCERS);
        attempt();
    }

    void cancel() {
        cancelled = true;
    }

    private void attempt() {
        if (cancelled) {
            return;
        }
        int refused = 0;
        for (String key : cluster.podsToDrain(nodeName)) {
            String[] nsName = key.split("/", 2);
            try {
                cluster.evict(nsName[0], nsName[1]);
            } catch (KubeStatus status) {
                if (status.code() != 404) {
                    refused++;
                }
            }
        }
        if (refused == 0) {
            result.drained();
        } else if (!clock.instant().isBefore(deadline)) {
            if (force) {
                result.drained();
            } else {
                result.failed(nodeName);
            }
        } else {
            clock.scheduleAfter(timings.evictionRetry(), () -> {
                synchronized (lock) {
                    attempt();
                }
            });
        }
    }
}
