package dev.ekslifecycle.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriftRulesTest {

    private static final KubernetesVersion V33 = KubernetesVersion.parse("1.33");
    private static final KubernetesVersion V34 = KubernetesVersion.parse("1.34");
    private static final ObservedNodeGroup GENERAL = new ObservedNodeGroup("general", NodeGroupStatus.ACTIVE, V34, 2);
    private static final ObservedCluster RECORDED = cluster(ClusterStatus.ACTIVE, V34, GENERAL);

    private static ObservedCluster cluster(ClusterStatus status, KubernetesVersion version,
                                          ObservedNodeGroup... nodegroups) {
        return new ObservedCluster(status, version, "https://example", List.of(nodegroups));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("as recorded", RECORDED, List.of()),
                Arguments.of("node group status alone", cluster(ClusterStatus.ACTIVE, V34,
                        new ObservedNodeGroup("general", NodeGroupStatus.UPDATING, V34, 2)), List.of()),
                Arguments.of("updating", cluster(ClusterStatus.UPDATING, V34, GENERAL),
                        List.of(new Drift("status", "ACTIVE", "UPDATING"))),
                Arguments.of("gone", cluster(ClusterStatus.DELETED, V34, GENERAL),
                        List.of(new Drift("status", "ACTIVE", "DELETED"))),
                Arguments.of("other version", cluster(ClusterStatus.ACTIVE, V33, GENERAL),
                        List.of(new Drift("version", "1.34", "1.33"))),
                Arguments.of("node group missing", cluster(ClusterStatus.ACTIVE, V34),
                        List.of(new Drift("nodegroups[general]", "present", Drift.ABSENT))),
                Arguments.of("node group unknown to us", cluster(ClusterStatus.ACTIVE, V34, GENERAL,
                                new ObservedNodeGroup("extra", NodeGroupStatus.ACTIVE, V34, 1)),
                        List.of(new Drift("nodegroups[extra]", Drift.ABSENT, "present"))),
                Arguments.of("node group resized and downgraded", cluster(ClusterStatus.ACTIVE, V34,
                                new ObservedNodeGroup("general", NodeGroupStatus.ACTIVE, V33, 5)),
                        List.of(new Drift("nodegroups[general].version", "1.34", "1.33"),
                                new Drift("nodegroups[general].desiredSize", "2", "5"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhereEksDisagreesWithTheRecord(String name, ObservedCluster now, List<Drift> expected) {
        assertEquals(expected, DriftRules.between(RECORDED, now));
    }

    @Test
    void aClusterBackToActiveIsRecoveryNotDrift() {
        ObservedCluster updating = cluster(ClusterStatus.UPDATING, V34, GENERAL);
        assertEquals(List.of(), DriftRules.between(updating, RECORDED));
    }
}
