package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.Update;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The emulator's state in memory, guarded by one lock. Every change runs in {@link #write}: under the lock, then
 * saved to the data directory (when there is one), then the calls into other emulators that the change asked for
 * run after the lock is released, so a fleet calling back never meets a held lock.
 */
public final class EksStore {

    private final Object lock = new Object();
    private final StateFile file;
    private final Table<ClusterState> clusters = new Table<>();
    private final Table<NodegroupState> nodegroups = new Table<>();
    private final Table<FargateProfileState> fargateProfiles = new Table<>();
    private final Table<AddonState> addons = new Table<>();
    private final Table<UpdateState> updates = new Table<>();
    private final Table<AccessEntryState> accessEntries = new Table<>();
    private final Table<InsightState> insights = new Table<>();
    private final Table<TokenUse> tokens = new Table<>();
    private final List<ArmedFailure> armedFailures = new ArrayList<>();

    /** A store that keeps its state in {@code file}, or only in memory when it is null. */
    public EksStore(StateFile file) {
        this.file = file;
    }

    /** What a change asks to run once the lock is released. */
    public interface AfterCommit {
        void then(Runnable action);
    }

    public <T> T write(Function<AfterCommit, T> change) {
        List<Runnable> after = new ArrayList<>();
        T result;
        synchronized (lock) {
            result = change.apply(after::add);
            if (file != null) {
                file.save(snapshot());
            }
        }
        after.forEach(Runnable::run);
        return result;
    }

    public <T> T read(Supplier<T> query) {
        synchronized (lock) {
            return query.get();
        }
    }

    /** Loads the saved state, if any; returns it (empty when there was none). */
    public EksState load() {
        EksState state = file == null ? EksState.empty() : file.load().orElse(EksState.empty());
        synchronized (lock) {
            state.clusters().forEach(this::put);
            state.nodegroups().forEach(this::put);
            state.fargateProfiles().forEach(this::put);
            state.addons().forEach(this::put);
            state.updates().forEach(this::put);
            state.accessEntries().forEach(this::put);
            state.insights().forEach(this::put);
            state.tokens().forEach(this::put);
            armedFailures.addAll(state.armedFailures());
        }
        return state;
    }

    public EksState snapshot() {
        synchronized (lock) {
            return new EksState(List.copyOf(clusters.all()), List.copyOf(nodegroups.all()),
                    List.copyOf(fargateProfiles.all()), List.copyOf(addons.all()), List.copyOf(updates.all()),
                    List.copyOf(accessEntries.all()), List.copyOf(insights.all()), List.copyOf(tokens.all()),
                    List.copyOf(armedFailures));
        }
    }

    // The accessors below are called inside write() or read() only.

    public Optional<ClusterState> cluster(String region, String name) {
        return clusters.get(region, name);
    }

    public List<ClusterState> clusters(String region) {
        return clusters.under(region);
    }

    public void put(ClusterState c) {
        clusters.put(c, c.region(), c.name());
    }

    /** Removes a cluster with everything that belonged to it. */
    public void removeCluster(String region, String name) {
        clusters.remove(region, name);
        nodegroups.removeUnder(region, name);
        fargateProfiles.removeUnder(region, name);
        addons.removeUnder(region, name);
        accessEntries.removeUnder(region, name);
        insights.removeUnder(region, name);
        updates.removeUnder(region, name);
    }

    public Optional<NodegroupState> nodegroup(String region, String cluster, String name) {
        return nodegroups.get(region, cluster, name);
    }

    public List<NodegroupState> nodegroups(String region, String cluster) {
        return nodegroups.under(region, cluster);
    }

    public void put(NodegroupState n) {
        nodegroups.put(n, n.region(), n.nodegroup().clusterName(), n.nodegroup().nodegroupName());
    }

    public void removeNodegroup(String region, String cluster, String name) {
        nodegroups.remove(region, cluster, name);
    }

    public Optional<FargateProfileState> fargateProfile(String region, String cluster, String name) {
        return fargateProfiles.get(region, cluster, name);
    }

    public List<FargateProfileState> fargateProfiles(String region, String cluster) {
        return fargateProfiles.under(region, cluster);
    }

    public void put(FargateProfileState f) {
        fargateProfiles.put(f, f.region(), f.profile().clusterName(), f.profile().fargateProfileName());
    }

    public void removeFargateProfile(String region, String cluster, String name) {
        fargateProfiles.remove(region, cluster, name);
    }

    public Optional<AddonState> addon(String region, String cluster, String name) {
        return addons.get(region, cluster, name);
    }

    public List<AddonState> addons(String region, String cluster) {
        return addons.under(region, cluster);
    }

    public void put(AddonState a) {
        addons.put(a, a.region(), a.addon().clusterName(), a.addon().addonName());
    }

    public void removeAddon(String region, String cluster, String name) {
        addons.remove(region, cluster, name);
    }

    /** Updates are keyed by cluster first, so they go with their cluster; ids are unique across clusters. */
    public Optional<UpdateState> update(String region, String cluster, String id) {
        return updates.get(region, cluster, id);
    }

    public List<UpdateState> updates(String region, String cluster) {
        return updates.under(region, cluster);
    }

    public void put(UpdateState u) {
        updates.put(u, u.region(), u.clusterName(), u.update().id());
    }

    /** The update of this target still in progress, if any. */
    public Optional<UpdateState> updateInProgress(String region, String cluster, String nodegroup, String addon) {
        return updates.under(region, cluster).stream()
                .filter(u -> u.update().inProgress())
                .filter(u -> java.util.Objects.equals(u.nodegroupName(), nodegroup)
                        && java.util.Objects.equals(u.addonName(), addon))
                .findFirst();
    }

    public Optional<AccessEntryState> accessEntry(String region, String cluster, String principalArn) {
        return accessEntries.get(region, cluster, principalArn);
    }

    public List<AccessEntryState> accessEntries(String region, String cluster) {
        return accessEntries.under(region, cluster);
    }

    public void put(AccessEntryState a) {
        accessEntries.put(a, a.region(), a.entry().clusterName(), a.entry().principalArn());
    }

    public Optional<InsightState> insight(String region, String cluster, String id) {
        return insights.get(region, cluster, id);
    }

    public List<InsightState> insights(String region, String cluster) {
        return insights.under(region, cluster);
    }

    public void put(InsightState i) {
        insights.put(i, i.region(), i.clusterName(), i.insight().id());
    }

    public void removeInsight(String region, String cluster, String id) {
        insights.remove(region, cluster, id);
    }

    public Optional<TokenUse> token(String key) {
        return tokens.get(key);
    }

    public void put(TokenUse t) {
        tokens.put(t, t.key());
    }

    public void arm(ArmedFailure failure) {
        armedFailures.removeIf(a -> a.targets(failure.region(), failure.clusterName(), failure.nodegroupName()));
        armedFailures.add(failure);
    }

    /** Takes the fault armed for this cluster or node group, if any: it fires once. */
    public Optional<Update.ErrorDetail> takeArmedFailure(String region, String cluster, String nodegroup) {
        for (Iterator<ArmedFailure> it = armedFailures.iterator(); it.hasNext(); ) {
            ArmedFailure a = it.next();
            if (a.targets(region, cluster, nodegroup)) {
                it.remove();
                return Optional.of(new Update.ErrorDetail(a.errorCode(), a.message(),
                        List.of(nodegroup != null ? nodegroup : cluster)));
            }
        }
        return Optional.empty();
    }
}
