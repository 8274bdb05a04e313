package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.catalog.KubernetesVersion;
import dev.ekslifecycle.local.eks.state.ClusterState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * What EKS does when a version's support ends: a STANDARD cluster is upgraded one minor when standard support
 * ends, an EXTENDED one when extended support ends (the control plane only; node groups stay behind). These are
 * background timers: they fire when simulated time passes them but never pull a virtual clock months ahead.
 */
final class EndOfSupportUpgrades {

    /** How long to wait before trying again when the cluster is busy at the deadline. */
    private static final Duration RETRY = Duration.ofHours(1);

    private final EksContext ctx;
    /** Starts the upgrade of (region, cluster); false when the cluster cannot start one now. */
    private final BiPredicate<String, String> upgrade;

    EndOfSupportUpgrades(EksContext ctx, BiPredicate<String, String> upgrade) {
        this.ctx = ctx;
        this.upgrade = upgrade;
    }

    /** Watches the cluster's current version and support type; call after either changes. */
    void watch(ClusterState state) {
        ctx.versions().find(state.cluster().version()).ifPresent(version -> {
            boolean standard = state.cluster().upgradePolicy() != null
                    && "STANDARD".equals(state.cluster().upgradePolicy().supportType());
            Instant end = standard ? version.endOfStandardSupport() : version.endOfExtendedSupport();
            schedule(state.region(), state.name(), version.version(), standard, end);
        });
    }

    private void schedule(String region, String name, String version, boolean standard, Instant at) {
        ctx.clock().scheduleBackground(at, () -> {
            var current = ctx.store().read(() -> ctx.store().cluster(region, name));
            if (current.isEmpty() || !current.get().cluster().version().equals(version)
                    || standard != "STANDARD".equals(current.get().cluster().upgradePolicy().supportType())) {
                return;
            }
            String next = KubernetesVersion.ofMinor(KubernetesVersion.minorOf(version) + 1);
            if (ctx.versions().find(next).isPresent() && !upgrade.test(region, name)) {
                schedule(region, name, version, standard, ctx.now().plus(RETRY));
            }
        });
    }
}
