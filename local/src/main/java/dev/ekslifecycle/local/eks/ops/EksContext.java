package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.eks.ClusterApiServers;
import dev.ekslifecycle.local.eks.EksSettings;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.eks.SubnetDirectory;
import dev.ekslifecycle.local.eks.catalog.AddonCatalog;
import dev.ekslifecycle.local.eks.catalog.VersionCatalog;
import dev.ekslifecycle.local.eks.state.EksStore;
import java.time.Instant;

/** What every operation works with: the shared clock, the state, the other emulators and the catalogs. */
public record EksContext(
        SimulationClock clock,
        EksStore store,
        SubnetDirectory subnets,
        NodeGroupFleet fleet,
        ClusterApiServers apiServers,
        EksSettings settings,
        VersionCatalog versions,
        AddonCatalog addons) {

    public Instant now() {
        return clock.instant();
    }

    public EksSettings.Durations durations() {
        return settings.durations();
    }
}
