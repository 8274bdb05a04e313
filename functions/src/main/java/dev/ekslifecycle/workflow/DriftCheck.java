package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.Drift;
import dev.ekslifecycle.domain.DriftRules;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.events.LifecycleEventPublisher;
import dev.ekslifecycle.store.AuditEntry;
import dev.ekslifecycle.store.ClusterAuditLog;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scheduled drift check: compares every settled cluster of this deployment with what EKS reports, records a
 * finding in the cluster's audit log and announces {@value LifecycleEvent#DRIFT_DETECTED} when they disagree, and
 * records the observed state.
 *
 * <p>Clusters that an operation holds (locked) are skipped: their workflow is changing them on purpose. Only
 * ACTIVE and UPDATING clusters are checked; the others are being created or deleted, failed, or gone.
 *
 * <p>Repeating a run is safe. The finding's id is the record version it was found against, and the observed state
 * is written last, so a run that failed after the finding repeats the same finding (written once) and the same
 * event (delivered at least once, de-duplicated on {@code findingId}). One cluster's failure does not stop the
 * others; the run then ends with the first failure (a typed error, such as throttling), so that it is retried.
 */
public final class DriftCheck {

    static final String FINDING = "DriftDetected";
    private static final int PAGE_SIZE = 25;
    private static final Set<ClusterStatus> CHECKED = Set.of(ClusterStatus.ACTIVE, ClusterStatus.UPDATING);

    private final ClusterStore clusters;
    private final ClusterLocks locks;
    private final ClusterAuditLog auditLog;
    private final LifecycleEventPublisher events;
    private final ObservedStateRecorder observed;
    private final Clock clock;

    public DriftCheck(ClusterStore clusters, ClusterLocks locks, ClusterAuditLog auditLog, EksGateway eks,
                      LifecycleEventPublisher events, Clock clock) {
        this.clusters = clusters;
        this.locks = locks;
        this.auditLog = auditLog;
        this.events = events;
        this.observed = new ObservedStateRecorder(clusters, eks);
        this.clock = clock;
    }

    /** What one run did: clusters compared, those found drifted, those skipped (unsettled or locked). */
    public record Summary(List<String> checked, List<String> drifted, List<String> skipped) {
    }

    public Summary run() {
        List<String> checked = new ArrayList<>();
        List<String> drifted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        String token = null;
        do {
            Page<ClusterRecord> page = clusters.list(PAGE_SIZE, token);
            for (ClusterRecord record : page.items()) {
                if (!CHECKED.contains(record.observed().status()) || locks.current(record.name()).isPresent()) {
                    skipped.add(record.name());
                    continue;
                }
                try {
                    if (check(record)) {
                        drifted.add(record.name());
                    }
                    checked.add(record.name());
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            token = page.nextToken();
        } while (token != null);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return new Summary(checked, drifted, skipped);
    }

    private boolean check(ClusterRecord record) {
        String name = record.name();
        Optional<ObservedCluster> now = observed.observe(name);
        ObservedCluster seen = now.orElseGet(() -> gone(record.observed()));
        List<Drift> drifts = DriftRules.between(record.observed(), seen);
        if (!drifts.isEmpty()) {
            announce(record, drifts);
        }
        if (now.isEmpty()) {
            observed.recordStatus(name, ClusterStatus.DELETED);
        } else if (!seen.equals(record.observed())) {
            observed.record(name, seen);
        }
        return !drifts.isEmpty();
    }

    private void announce(ClusterRecord record, List<Drift> drifts) {
        String findingId = "drift-" + record.version();
        String summary = drifts.stream().map(d -> d.path() + ": " + d.recorded() + " -> " + d.observed())
                .collect(Collectors.joining("; "));
        auditLog.append(record.name(), new AuditEntry(findingId, clock.instant(), FINDING, summary));
        List<Map<String, String>> details = drifts.stream().map(d -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("recorded", d.recorded());
            m.put("observed", d.observed());
            return m;
        }).toList();
        events.publish(new LifecycleEvent(LifecycleEvent.DRIFT_DETECTED, record.name(), null, clock.instant(),
                Map.of("findingId", findingId, "drifts", details)));
    }

    /** What a cluster that EKS no longer has looks like: as recorded, but DELETED. */
    private static ObservedCluster gone(ObservedCluster recorded) {
        return new ObservedCluster(ClusterStatus.DELETED, recorded.version(), recorded.endpoint(),
                recorded.nodegroups());
    }
}
