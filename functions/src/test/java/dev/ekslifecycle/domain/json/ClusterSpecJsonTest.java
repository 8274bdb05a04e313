package dev.ekslifecycle.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.domain.CapacityType;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.KubernetesVersion;
import dev.ekslifecycle.domain.NodeGroupSpec;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SubnetFacts;
import dev.ekslifecycle.domain.UpdateStrategy;
import dev.ekslifecycle.domain.UpgradePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterSpecJsonTest {

    private static final String MINIMAL = """
            {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::123456789012:role/eks",
             "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"],
             "nodegroups": [{"name": "ng", "nodeRoleArn": "arn:aws:iam::123456789012:role/node",
                             "minSize": 1, "maxSize": 3, "desiredSize": 2}]}""";

    @Test
    void appliesTheDefaults() {
        SpecCheck check = ClusterSpecJson.check(MINIMAL, SubnetFacts.UNKNOWN);
        assertEquals(List.of(), check.problems());
        ClusterSpec spec = check.spec();
        assertTrue(spec.deletionProtection());
        assertEquals(UpgradePolicy.STANDARD, spec.upgradePolicy());
        assertTrue(spec.endpointPublicAccess());
        assertFalse(spec.endpointPrivateAccess());
        assertFalse(spec.autoMode().enabled());
        assertEquals(KubernetesVersion.parse("1.31"), spec.version());
        NodeGroupSpec ng = spec.nodegroups().get(0);
        assertEquals(UpdateStrategy.DEFAULT, ng.updateStrategy());
        assertEquals(CapacityType.ON_DEMAND, ng.capacityType());
        assertNull(ng.maxUnavailable());
    }

    @Test
    void writesTheDefaultsOut() {
        String written = ClusterSpecJson.write(ClusterSpecJson.check(MINIMAL, SubnetFacts.UNKNOWN).spec());
        assertTrue(written.contains("\"deletionProtection\":true"), written);
        assertTrue(written.contains("\"upgradePolicy\":\"STANDARD\""), written);
        assertTrue(written.contains("\"updateStrategy\":\"DEFAULT\""), written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\": }", "{} {}", "[1,", "nope"})
    void textThatIsNotJsonIsOneProblemAtTheRoot(String text) {
        List<Problem> problems = ClusterSpecJson.check(text, SubnetFacts.UNKNOWN).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("$", problems.get(0).path());
        assertTrue(problems.get(0).reason().startsWith("is not valid JSON: "), problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"cluster\"", "42", "null", ""})
    void aDocumentThatIsNotAnObjectIsRefused(String text) {
        SpecCheck check = ClusterSpecJson.check(text, SubnetFacts.UNKNOWN);
        assertEquals(List.of(new Problem("$", "must be an object")), check.problems());
        assertNull(check.spec());
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        SpecCheck check = ClusterSpecJson.check("{\"name\": \"a\", \"name\": \"b\"}", SubnetFacts.UNKNOWN);
        assertEquals("$", check.problems().get(0).path());
        assertTrue(check.problems().get(0).reason().contains("Duplicate field 'name'"), check.problems()::toString);
    }

    @Test
    void readingBackAnInvalidDocumentFails() {
        assertThrows(IllegalArgumentException.class, () -> ClusterSpecJson.read("{\"name\": \"x\"}"));
    }

    @Test
    void subnetsMustSpanTwoZonesWhereTheZonesAreKnown() {
        SubnetFacts oneZone = id -> Optional.of(new SubnetFacts.Subnet("us-east-1a", false));
        assertEquals(List.of(new Problem("subnetIds", "must be in at least two Availability Zones, not only us-east-1a")),
                ClusterSpecJson.check(MINIMAL, oneZone).problems());
        Map<String, String> zones = Map.of("subnet-0a1b2c3d4e5f60718", "us-east-1a",
                "subnet-0a1b2c3d4e5f60719", "us-east-1b");
        SubnetFacts twoZones = id -> Optional.ofNullable(zones.get(id)).map(z -> new SubnetFacts.Subnet(z, false));
        assertEquals(List.of(), ClusterSpecJson.check(MINIMAL, twoZones).problems());
        SubnetFacts oneKnown = id -> id.endsWith("18") ? oneZone.find(id) : Optional.empty();
        assertEquals(List.of(), ClusterSpecJson.check(MINIMAL, oneKnown).problems(),
                "a subnet of unknown zone might be in a second zone: no problem reported");
    }

    @Test
    void fargateProfilesRefusePublicSubnetsWhereKnown() {
        String spec = MINIMAL.replace("\"nodegroups\"", """
                "fargateProfiles": [{"name": "fp", "podExecutionRoleArn": "arn:aws:iam::123456789012:role/f",
                  "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"],
                  "selectors": [{"namespace": "default"}]}],
                "nodegroups\"""");
        SubnetFacts facts = id -> Optional.of(new SubnetFacts.Subnet(id.endsWith("18") ? "us-east-1a" : "us-east-1b",
                id.endsWith("19")));
        assertEquals(List.of(new Problem("fargateProfiles[0].subnetIds[1]",
                "must be a private subnet: Fargate pods get no public IP")),
                ClusterSpecJson.check(spec, facts).problems());
    }
}
