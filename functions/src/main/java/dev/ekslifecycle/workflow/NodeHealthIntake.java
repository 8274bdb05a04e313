package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.NodeHealthEvent;
import dev.ekslifecycle.ec2.InstanceDirectory;
import dev.ekslifecycle.ec2.NodeGroupInstance;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.events.LifecycleEventPublisher;
import dev.ekslifecycle.store.AuditEntry;
import dev.ekslifecycle.store.ClusterAuditLog;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The intake of node health signals, the first half of future self-healing: finds the node group and cluster of each
 * instance an EC2 or AWS Health event names and, for clusters this deployment manages, appends a
 * {@value #SIGNAL} entry to the cluster's audit log and publishes {@value LifecycleEvent#NODE_HEALTH_SIGNAL}.
 * Nodes of a cluster that an operation holds (locked) or that is being deleted are ignored: that operation stops
 * them on purpose. It repairs nothing: EKS replaces a terminated managed node by itself; acting on the rest is future work.
 *
 * <p>EventBridge delivers at least once. The audit entry's id is the event id and the instance, written under a
 * condition, so a repeated delivery adds no entry; the event is published on every delivery, so that a delivery
 * that failed after the write still publishes it (consumers de-duplicate on {@code signalId}).
 */
public final class NodeHealthIntake {

    static final String SIGNAL = "NodeHealthSignal";
    private static final Logger LOG = Logger.getLogger(NodeHealthIntake.class);
    /** Statuses in which nodes are not expected to run: not created yet, being deleted, gone. */
    private static final Set<ClusterStatus> NO_NODES_EXPECTED = Set.of(ClusterStatus.PENDING, ClusterStatus.DELETING,
            ClusterStatus.DELETED);

    private final InstanceDirectory instances;
    private final ClusterStore clusters;
    private final ClusterLocks locks;
    private final ClusterAuditLog auditLog;
    private final LifecycleEventPublisher events;

    public NodeHealthIntake(InstanceDirectory instances, ClusterStore clusters, ClusterLocks locks,
                            ClusterAuditLog auditLog, LifecycleEventPublisher events) {
        this.instances = instances;
        this.clusters = clusters;
        this.locks = locks;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** What one event led to: the instances signalled (with their cluster and node group) and those ignored. */
    public record Outcome(List<NodeGroupInstance> signalled, List<String> ignored) {
    }

    public Outcome accept(NodeHealthEvent event) {
        Map<String, NodeGroupInstance> placed = instances.nodeGroupInstances(event.instanceIds()).stream()
                .collect(Collectors.toMap(NodeGroupInstance::instanceId, i -> i, (a, b) -> a, LinkedHashMap::new));
        List<NodeGroupInstance> signalled = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String instanceId : event.instanceIds()) {
            NodeGroupInstance node = placed.get(instanceId);
            if (node == null || !managed(node.clusterName())) {
                LOG.infof("%s: %s is not a node of a cluster this deployment manages (%s); ignored", event.eventId(),
                        instanceId, node == null ? "no EKS node-group tags" : "cluster " + node.clusterName());
                ignored.add(instanceId);
                continue;
            }
            if (locks.current(node.clusterName()).isPresent()) {
                LOG.infof("%s: %s belongs to %s, which an operation is changing; ignored", event.eventId(),
                        instanceId, node.clusterName());
                ignored.add(instanceId);
                continue;
            }
            signal(event, node);
            signalled.add(node);
        }
        return new Outcome(signalled, ignored);
    }

    private boolean managed(String clusterName) {
        return clusters.find(clusterName).map(c -> !NO_NODES_EXPECTED.contains(c.observed().status())).orElse(false);
    }

    private void signal(NodeHealthEvent event, NodeGroupInstance node) {
        String signalId = event.eventId() + "#" + node.instanceId();
        String detail = node.instanceId() + " of node group " + node.nodegroupName() + ": " + event.signal()
                + " (" + event.source() + ")";
        if (!auditLog.append(node.clusterName(), new AuditEntry(signalId, event.time(), SIGNAL, detail))) {
            LOG.infof("%s was recorded before (a repeated delivery); its event is published again", signalId);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("signalId", signalId);
        facts.put("nodegroup", node.nodegroupName());
        facts.put("instanceId", node.instanceId());
        facts.put("signal", event.signal());
        facts.put("eventSource", event.source());
        events.publish(new LifecycleEvent(LifecycleEvent.NODE_HEALTH_SIGNAL, node.clusterName(), null, event.time(),
                facts));
    }
}
