package dev.ekslifecycle.local.eks.state;

import java.util.List;

/** Everything the EKS emulator knows, as saved under the data directory. */
public record EksState(
        List<ClusterState> clusters,
        List<NodegroupState> nodegroups,
        List<FargateProfileState> fargateProfiles,
        List<AddonState> addons,
        List<UpdateState> updates,
        List<AccessEntryState> accessEntries,
        List<InsightState> insights,
        List<TokenUse> tokens,
        List<ArmedFailure> armedFailures) {

    public static EksState empty() {
        return new EksState(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    public EksState {
        clusters = orEmpty(clusters);
        nodegroups = orEmpty(nodegroups);
        fargateProfiles = orEmpty(fargateProfiles);
        addons = orEmpty(addons);
        updates = orEmpty(updates);
        accessEntries = orEmpty(accessEntries);
        insights = orEmpty(insights);
        tokens = orEmpty(tokens);
        armedFailures = orEmpty(armedFailures);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
