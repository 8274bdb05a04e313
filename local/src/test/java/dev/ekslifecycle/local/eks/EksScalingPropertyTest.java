package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;

/**
 * Generated scaling configurations (seeded): EKS accepts exactly those with 0 <= min <= desired <= max, 1 <= max
 * <= 450, and a refused one leaves nothing behind.
 */
class EksScalingPropertyTest extends ManualClockEksTest {

    @Test
    void aNodeGroupIsCreatedExactlyWhenItsSizesAreConsistent() {
        h.activeCluster("c", "1.30");
        int[] created = {0};
        QuickTheory.qt().withFixedSeed(20261125L).withExamples(60)
                .forAll(SourceDSL.integers().between(-1, 12), SourceDSL.integers().between(-1, 12),
                        SourceDSL.integers().between(-1, 12))
                .checkAssert((min, desired, max) -> {
                    boolean valid = min >= 0 && min <= desired && desired <= max && max >= 1;
                    String name = "ng-" + created[0] + "-" + (min + 1) + "-" + (desired + 1) + "-" + (max + 1);
                    try {
                        var ng = h.eks.createNodegroup(b -> b.clusterName("c").nodegroupName(name)
                                .nodeRole("arn:aws:iam::000000000000:role/n").subnets(FakeSubnets.A)
                                .scalingConfig(s -> s.minSize(min).desiredSize(desired).maxSize(max))).nodegroup();
                        assertEquals(true, valid, "accepted " + min + "/" + desired + "/" + max);
                        assertEquals(desired, ng.scalingConfig().desiredSize());
                        created[0]++;
                        h.eks.deleteNodegroup(b -> b.clusterName("c").nodegroupName(name));
                    } catch (InvalidParameterException e) {
                        assertEquals(false, valid, "refused " + min + "/" + desired + "/" + max);
                    }
                });
        List<String> left = h.eks.listNodegroups(b -> b.clusterName("c")).nodegroups();
        assertEquals(created[0], left.size(), "only the accepted ones exist (DELETING, the clock stands still)");
    }
}
