package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.eks.ops.InsightOperations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** Control-plane version updates and rollbacks through the real EKS SDK client. */
class EksVersionUpdateTest extends ManualClockEksTest {

    @BeforeEach
    void start() {
        h.activeCluster("up", "1.30");
    }

    private Update upgrade(String version) {
        return h.eks.updateClusterVersion(b -> b.name("up").version(version)).update();
    }

    private Update describeUpdate(String id) {
        return h.eks.describeUpdate(b -> b.name("up").updateId(id)).update();
    }

    private String version() {
        return h.eks.describeCluster(b -> b.name("up")).cluster().version();
    }

    @Test
    void anUpgradeTakesTenMinutesAndMovesTheApiServer() {
        Update update = upgrade("1.31");

        assertEquals(UpdateStatus.IN_PROGRESS, update.status());
        assertEquals("VersionUpdate", update.typeAsString());
        assertEquals("1.31", update.params().stream().filter(p -> p.typeAsString().equals("Version")).findFirst()
                .orElseThrow().value());
        assertEquals(ClusterStatus.UPDATING, h.eks.describeCluster(b -> b.name("up")).cluster().status());
        var busy = assertThrows(ResourceInUseException.class, () -> upgrade("1.31"));
        assertEquals(409, busy.statusCode());

        h.clock.advance(Duration.ofMinutes(9));
        assertEquals(UpdateStatus.IN_PROGRESS, describeUpdate(update.id()).status());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate(update.id()).status());
        var cluster = h.eks.describeCluster(b -> b.name("up")).cluster();
        assertEquals("1.31", cluster.version());
        assertEquals("eks.29", cluster.platformVersion());
        assertEquals(ClusterStatus.ACTIVE, cluster.status());
        assertEquals("1.31", h.apiServers.versions.get("up"));
        assertEquals(List.of(update.id()), h.eks.listUpdates(b -> b.name("up")).updateIds());
    }

    @Test
    void oneMinorAtATimeAndOnlyOfferedVersions() {
        var skip = assertThrows(InvalidParameterException.class, () -> upgrade("1.32"));
        assertTrue(skip.awsErrorDetails().errorMessage().contains("one minor version at a time"));
        assertThrows(InvalidParameterException.class, () -> upgrade("1.30"));
        assertThrows(InvalidParameterException.class, () -> upgrade("1.99"));
        assertThrows(InvalidParameterException.class, () -> upgrade("1.29"), "no upgrade to roll back");
        assertThrows(ResourceNotFoundException.class,
                () -> h.eks.updateClusterVersion(b -> b.name("nope").version("1.31")));
        assertEquals("1.30", version());
    }

    @Test
    void anUnknownUpdateIsNotFound() {
        assertThrows(ResourceNotFoundException.class, () -> describeUpdate("no-such-update"));
    }

    @Test
    void theSameClientRequestTokenGivesTheSameUpdate() {
        Update first = h.eks.updateClusterVersion(b -> b.name("up").version("1.31").clientRequestToken("tok"))
                .update();
        Update again = h.eks.updateClusterVersion(b -> b.name("up").version("1.31").clientRequestToken("tok"))
                .update();
        assertEquals(first.id(), again.id());
        assertEquals(1, h.eks.listUpdates(b -> b.name("up")).updateIds().size());
    }

    @Test
    void aRollbackGoesOneMinorBackWithinSevenDaysOfTheUpgrade() {
        upgrade("1.31");
        h.clock.advance(Duration.ofMinutes(10));

        Update rollback = upgrade("1.30");
        assertEquals("VersionRollback", rollback.typeAsString());
        h.clock.advance(Duration.ofMinutes(10));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate(rollback.id()).status());
        assertEquals("1.30", version());
        assertEquals("1.30", h.apiServers.versions.get("up"));
        assertThrows(InvalidParameterException.class, () -> upgrade("1.29"), "one rollback per upgrade");
    }

    @Test
    void noRollbackAfterSevenDays() {
        upgrade("1.31");
        h.clock.advance(Duration.ofMinutes(10).plus(Duration.ofDays(7)).plusSeconds(1));
        var late = assertThrows(InvalidParameterException.class, () -> upgrade("1.30"));
        assertTrue(late.awsErrorDetails().errorMessage().contains("within 7 days"));
    }

    @Test
    void noRollbackWhileAManagedNodeGroupRunsTheNewerVersion() {
        upgrade("1.31");
        h.clock.advance(Duration.ofMinutes(10));
        h.activeNodegroup("up", "workers", 2);

        var refused = assertThrows(InvalidRequestException.class, () -> upgrade("1.30"));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("workers"));
    }

    @Test
    void nodeGroupsMayTrailByThreeMinorsAtMost() {
        h.activeNodegroup("up", "old", 1);
        for (String next : List.of("1.31", "1.32", "1.33")) {
            upgrade(next);
            h.clock.advance(Duration.ofMinutes(10));
        }
        assertEquals("1.33", version(), "1.30 nodes trail 1.33 by three minors: allowed");
        h.clock.advance(Duration.ofDays(200));
        var refused = assertThrows(InvalidRequestException.class, () -> upgrade("1.34"));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("old"));
    }

    @Test
    void aFailingUpgradeReadinessInsightBlocksTheUpgradeUnlessForced() {
        h.emulator.setInsight("us-east-1", "up", new InsightOperations.Finding(
                "Deprecated APIs removed in Kubernetes v1.31", "UPGRADE_READINESS", "1.31", "ERROR",
                "Deprecated API usage detected", null, null, Map.of()));

        var blocked = assertThrows(InvalidRequestException.class, () -> upgrade("1.31"));
        assertTrue(blocked.awsErrorDetails().errorMessage().contains("Deprecated APIs removed in Kubernetes v1.31"));
        Update forced = h.eks.updateClusterVersion(b -> b.name("up").version("1.31").force(true)).update();
        assertEquals(UpdateStatus.IN_PROGRESS, forced.status());
    }

    @Test
    void anArmedFailureFailsTheNextUpdateWithItsErrorCode() {
        h.emulator.failNext("us-east-1", "up", null, "ClusterUnreachable", "control plane did not come back");
        Update update = upgrade("1.31");
        h.clock.advance(Duration.ofMinutes(10));

        Update failed = describeUpdate(update.id());
        assertEquals(UpdateStatus.FAILED, failed.status());
        assertEquals("ClusterUnreachable", failed.errors().get(0).errorCodeAsString());
        assertEquals("control plane did not come back", failed.errors().get(0).errorMessage());
        assertEquals("1.30", version());
        assertEquals(ClusterStatus.ACTIVE, h.eks.describeCluster(b -> b.name("up")).cluster().status());
        Update retry = upgrade("1.31");
        h.clock.advance(Duration.ofMinutes(10));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate(retry.id()).status(), "the fault fires once");
    }
}
