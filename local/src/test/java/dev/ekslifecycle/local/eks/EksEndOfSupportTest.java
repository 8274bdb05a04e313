package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Update;

/** EKS upgrades clusters whose version reaches the end of the support their upgrade policy chose. */
class EksEndOfSupportTest extends ManualClockEksTest {

    private void advanceTo(Instant instant) {
        h.clock.advance(Duration.between(h.clock.instant(), instant));
    }

    private String version(String name) {
        return h.eks.describeCluster(b -> b.name(name)).cluster().version();
    }

    @Test
    void aStandardClusterIsUpgradedWhenStandardSupportEndsAndItsNodesStayBehind() {
        h.eks.createCluster(EksHarness.cluster("std").upgradePolicy(p -> p.supportType("STANDARD")).build());
        h.eks.createCluster(EksHarness.cluster("ext").build());
        h.clock.advance(Duration.ofMinutes(12));
        h.activeNodegroup("std", "ng", 1);

        Instant endOfStandard130 = Instant.parse("2025-07-23T00:00:00Z");
        advanceTo(endOfStandard130.minusSeconds(1));
        assertEquals("1.30", version("std"));
        advanceTo(endOfStandard130.plus(Duration.ofMinutes(10)));

        assertEquals("1.31", version("std"));
        List<String> updates = h.eks.listUpdates(b -> b.name("std")).updateIds();
        Update automatic = h.eks.describeUpdate(b -> b.name("std").updateId(updates.get(0))).update();
        assertEquals("VersionUpdate", automatic.typeAsString());
        assertEquals("1.30", h.eks.describeNodegroup(b -> b.clusterName("std").nodegroupName("ng")).nodegroup()
                .version());
        assertEquals("1.30", version("ext"), "EXTENDED support keeps 1.30 until July 2026");
    }

    @Test
    void anExtendedClusterIsUpgradedWhenExtendedSupportEnds() {
        h.activeCluster("old", "1.28");
        advanceTo(Instant.parse("2025-11-26T00:10:00Z"));
        assertEquals("1.29", version("old"));
    }
}
