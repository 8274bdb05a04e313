package dev.ekslifecycle.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.KubernetesVersion;
import dev.ekslifecycle.domain.NodeGroupStatus;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.domain.ObservedNodeGroup;
import dev.ekslifecycle.store.ClusterAlreadyExistsException;
import dev.ekslifecycle.store.ClusterNotFoundException;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.InvalidPageTokenException;
import dev.ekslifecycle.store.Page;
import dev.ekslifecycle.store.StaleVersionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoDbClusterStoreTest extends OnLocalStateTable {

    private final ClusterStore clusters = store.clusters();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aCreatedClusterReadsBackAsItWasGiven(long seed) {
        ClusterSpec spec = Specs.named("roundtrip-" + seed, seed);
        ClusterRecord created = clusters.create(spec);
        assertEquals(1, created.version());
        assertEquals(ObservedCluster.PENDING, created.observed());
        assertEquals(local.clock.instant(), created.createdAt());
        assertEquals(spec, created.desired());
        assertEquals(created, clusters.get(spec.name()));
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertEquals(Optional.empty(), clusters.find("nobody"));
        assertEquals("nobody", assertThrows(ClusterNotFoundException.class, () -> clusters.get("nobody"))
                .clusterName());
        assertThrows(ClusterNotFoundException.class, () -> clusters.updateObserved("nobody", 1,
                ObservedCluster.PENDING));
    }

    @Test
    void aNameIsTakenOnce() {
        clusters.create(Specs.named("twice", 1));
        assertThrows(ClusterAlreadyExistsException.class, () -> clusters.create(Specs.named("twice", 2)));
        assertEquals(Specs.named("twice", 1), clusters.get("twice").desired());
    }

    @Test
    void eachWriteMakesTheNextVersionAndAStaleWriterFails() {
        clusters.create(Specs.named("versions", 1));
        local.clock.advance(Duration.ofSeconds(5));
        ClusterRecord v2 = clusters.updateDesired("versions", 1, Specs.named("versions", 2));
        assertEquals(2, v2.version());
        assertEquals(local.clock.instant(), v2.updatedAt());
        ObservedCluster active = new ObservedCluster(ClusterStatus.ACTIVE, KubernetesVersion.parse("1.31"),
                "https://ABC.gr7.us-east-1.eks.amazonaws.com", List.of(
                        new ObservedNodeGroup("general", NodeGroupStatus.ACTIVE, KubernetesVersion.parse("1.30"), 3),
                        new ObservedNodeGroup("spot", NodeGroupStatus.CREATING, null, 0)));
        ClusterRecord v3 = clusters.updateObserved("versions", 2, active);
        assertEquals(3, v3.version());
        assertEquals(active, clusters.get("versions").observed());

        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> clusters.updateDesired("versions", 2, Specs.named("versions", 9)));
        assertEquals(3, stale.actualVersion());
        assertEquals(v3, clusters.get("versions"), "a stale writer changes nothing");
    }

    @Test
    void anInvalidSpecIsNeverStored() {
        ClusterSpec valid = Specs.named("guarded", 1);
        ClusterSpec invalid = new ClusterSpec("guarded", null, valid.roleArn(), valid.subnetIds(),
                valid.securityGroupIds(), true, false, valid.logging(), valid.tags(), true, valid.upgradePolicy(),
                valid.autoMode(), valid.addons(), valid.accessEntries(), valid.nodegroups(), valid.fargateProfiles());
        assertThrows(IllegalArgumentException.class, () -> clusters.create(invalid));
        assertEquals(Optional.empty(), clusters.find("guarded"));
        clusters.create(valid);
        assertThrows(IllegalArgumentException.class, () -> clusters.updateDesired("guarded", 1, invalid));
        assertEquals(valid, clusters.get("guarded").desired());
    }

    @Test
    void aSpecCannotRenameItsCluster() {
        clusters.create(Specs.named("rename-me", 1));
        assertThrows(IllegalArgumentException.class,
                () -> clusters.updateDesired("rename-me", 1, Specs.named("other", 1)));
    }

    @Test
    void aDeletedClusterNameCanBeUsedAgainAndOldWritersStayStale() {
        ClusterRecord first = clusters.create(Specs.named("reborn", 1));
        clusters.updateObserved("reborn", first.version(),
                new ObservedCluster(ClusterStatus.DELETED, null, null, List.of()));
        ClusterRecord again = clusters.create(Specs.named("reborn", 2));
        assertEquals(3, again.version());
        assertEquals(ObservedCluster.PENDING, again.observed());
        assertEquals(Specs.named("reborn", 2), again.desired());
        assertThrows(StaleVersionException.class, () -> clusters.updateObserved("reborn", 1,
                ObservedCluster.PENDING));
    }

    @Test
    void listingPagesThroughClustersByName() throws Exception {
        ClusterStore store = local.newTable().clusters();
        List<String> names = List.of("e-5", "a-1", "c-3", "b-2", "d-4");
        names.forEach(n -> store.create(Specs.named(n, 3)));
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<ClusterRecord> page = store.list(2, token);
            page.items().forEach(r -> seen.add(r.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of("a-1", "b-2", "c-3", "d-4", "e-5"), seen);
        assertTrue(pages >= 3);
        assertFalse(local.operationsCalled.contains("Scan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "eyJwayI6IngifQ", "W10"})
    void aTokenNotMadeByTheStoreIsRefused(String token) {
        assertThrows(InvalidPageTokenException.class, () -> clusters.list(5, token));
    }

    @Test
    void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
        clusters.create(Specs.named("contended", 1));
        for (int round = 0; round < Race.ROUNDS; round++) {
            long version = clusters.get("contended").version();
            List<Race.Outcome<ClusterRecord>> outcomes = Race.run(Race.CONTENDERS, i -> () ->
                    clusters.updateObserved("contended", version, new ObservedCluster(ClusterStatus.CREATING, null,
                            "writer-" + i, List.of())));
            List<Race.Outcome<ClusterRecord>> winners = outcomes.stream().filter(Race.Outcome::won).toList();
            assertEquals(1, winners.size(), "round " + round);
            outcomes.stream().filter(o -> !o.won())
                    .forEach(o -> assertInstanceOf(StaleVersionException.class, o.failure()));
            assertEquals(winners.get(0).result(), clusters.get("contended"));
            assertEquals(version + 1, clusters.get("contended").version());
        }
    }

    @Test
    void concurrentCreatesOfOneNameHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < Race.ROUNDS; round++) {
            String name = "race-" + round;
            List<Race.Outcome<ClusterRecord>> outcomes = Race.run(Race.CONTENDERS,
                    i -> () -> clusters.create(Specs.named(name, i)));
            assertEquals(1, outcomes.stream().filter(Race.Outcome::won).count(), "round " + round);
            Stream<Race.Outcome<ClusterRecord>> losers = outcomes.stream().filter(o -> !o.won());
            losers.forEach(o -> assertInstanceOf(ClusterAlreadyExistsException.class, o.failure()));
            ClusterRecord winner = outcomes.stream().filter(Race.Outcome::won).findFirst().orElseThrow().result();
            assertEquals(winner, clusters.get(name));
        }
    }
}
