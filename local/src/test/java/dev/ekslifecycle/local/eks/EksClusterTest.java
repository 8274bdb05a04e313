package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** Clusters through the real EKS SDK client: lifecycle on the clock, defaults, rules and errors. */
class EksClusterTest extends ManualClockEksTest {

    private Cluster describe(String name) {
        return h.eks.describeCluster(b -> b.name(name)).cluster();
    }

    @Test
    void aClusterIsCreatingForTwelveSimulatedMinutesThenActiveWithAnApiServer() {
        Cluster created = h.eks.createCluster(EksHarness.cluster("prod").build()).cluster();

        assertEquals(ClusterStatus.CREATING, created.status());
        assertEquals("arn:aws:eks:us-east-1:000000000000:cluster/prod", created.arn());
        assertEquals(EksHarness.T0, created.createdAt());
        assertNull(created.endpoint());
        h.clock.advance(Duration.ofMinutes(12).minusSeconds(1));
        assertEquals(ClusterStatus.CREATING, describe("prod").status());

        h.clock.advance(Duration.ofSeconds(1));
        Cluster active = describe("prod");
        assertEquals(ClusterStatus.ACTIVE, active.status());
        assertEquals("http://127.0.0.1:4566/k8s/prod", active.endpoint());
        assertFalse(active.certificateAuthority().data().isEmpty());
        assertEquals("1.30", h.apiServers.versions.get("prod"));
    }

    @Test
    void createFillsInWhatEksDerivesAndDefaults() {
        h.eks.createCluster(b -> b.name("defaults").roleArn("arn:aws:iam::000000000000:role/r")
                .resourcesVpcConfig(v -> v.subnetIds(FakeSubnets.A, FakeSubnets.C)));

        Cluster c = describe("defaults");
        assertEquals("1.33", c.version(), "the newest released version on 2025-06-01");
        assertEquals("eks.12", c.platformVersion());
        assertEquals("vpc-1", c.resourcesVpcConfig().vpcId());
        assertTrue(c.resourcesVpcConfig().endpointPublicAccess());
        assertTrue(c.resourcesVpcConfig().clusterSecurityGroupId().startsWith("sg-"));
        assertEquals("EXTENDED", c.upgradePolicy().supportTypeAsString());
        assertEquals("CONFIG_MAP", c.accessConfig().authenticationModeAsString());
        assertFalse(c.deletionProtection());
        assertTrue(c.identity().oidc().issuer().startsWith("https://oidc.eks.us-east-1.amazonaws.com/id/"));
    }

    @Test
    void theRegionComesFromTheRequestSignature() {
        try (var euWest = software.amazon.awssdk.services.eks.EksClient.builder()
                .endpointOverride(java.net.URI.create(h.host.url()))
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build()) {
            Cluster c = euWest.createCluster(EksHarness.cluster("dublin").build()).cluster();
            assertEquals("arn:aws:eks:eu-west-1:000000000000:cluster/dublin", c.arn());
            assertEquals(List.of("dublin"), euWest.listClusters(b -> { }).clusters());
        }
        assertEquals(List.of(), h.eks.listClusters(b -> { }).clusters());
    }

    @Test
    void aTakenNameIsResourceInUse() {
        h.eks.createCluster(EksHarness.cluster("dup").build());
        var e = assertThrows(ResourceInUseException.class, () -> h.eks.createCluster(EksHarness.cluster("dup").build()));
        assertEquals(409, e.statusCode());
        assertEquals("ResourceInUseException", e.awsErrorDetails().errorCode());
        assertEquals("Cluster already exists with name: dup", e.awsErrorDetails().errorMessage());
        assertEquals("dup", e.clusterName());
    }

    @Test
    void unknownAndUnreleasedVersionsAreUnsupported() {
        for (String version : List.of("1.27", "1.34", "2.0")) {
            var e = assertThrows(InvalidParameterException.class,
                    () -> h.eks.createCluster(EksHarness.cluster("v").version(version).build()), version);
            assertEquals(400, e.statusCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains("unsupported Kubernetes version"));
        }
        assertEquals(List.of(), h.eks.listClusters(b -> { }).clusters(), "a refused create leaves nothing behind");
    }

    @Test
    void subnetsMustExistShareAVpcAndSpanTwoZones() {
        var oneZone = assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("z").resourcesVpcConfig(v -> v.subnetIds(FakeSubnets.A, FakeSubnets.A2)).build()));
        assertEquals("Subnets specified must be in at least two different AZs", oneZone.awsErrorDetails().errorMessage());
        var unknown = assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("z").resourcesVpcConfig(v -> v.subnetIds(FakeSubnets.A, "subnet-nope")).build()));
        assertTrue(unknown.awsErrorDetails().errorMessage().contains("subnet-nope"));
        assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("z").resourcesVpcConfig(v -> v.subnetIds(FakeSubnets.A, FakeSubnets.OTHER_VPC))
                        .build()));
        assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("z").resourcesVpcConfig(v -> v.subnetIds(List.of())).build()));
    }

    @Test
    void anUnknownClusterIsNotFoundWithItsName() {
        var e = assertThrows(ResourceNotFoundException.class, () -> describe("ghost"));
        assertEquals(404, e.statusCode());
        assertEquals("ghost", e.clusterName());
        assertEquals("No cluster found for name: ghost.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void theClusterQuotaIsResourceLimitExceeded() throws Exception {
        h.close();
        h = EksHarness.manual(EksSettings.defaults().withQuotas(new EksSettings.Quotas(2, 30, 10)));
        h.eks.createCluster(EksHarness.cluster("one").build());
        h.eks.createCluster(EksHarness.cluster("two").build());
        var e = assertThrows(ResourceLimitExceededException.class,
                () -> h.eks.createCluster(EksHarness.cluster("three").build()));
        assertEquals(400, e.statusCode());
    }

    @Test
    void listClustersPagesThroughEveryCluster() {
        for (String name : List.of("c1", "c2", "c3", "c4", "c5")) {
            h.eks.createCluster(EksHarness.cluster(name).build());
        }
        var first = h.eks.listClusters(b -> b.maxResults(2));
        assertEquals(List.of("c1", "c2"), first.clusters());
        var second = h.eks.listClusters(b -> b.maxResults(2).nextToken(first.nextToken()));
        assertEquals(List.of("c3", "c4"), second.clusters());
        List<String> all = h.eks.listClustersPaginator(b -> b.maxResults(2)).clusters().stream().toList();
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), all);
        assertThrows(InvalidParameterException.class, () -> h.eks.listClusters(b -> b.maxResults(101)));
        assertThrows(InvalidParameterException.class, () -> h.eks.listClusters(b -> b.nextToken("garbage!")));
    }

    @Test
    void deleteTakesFiveMinutesAndClosesTheApiServer() {
        h.activeCluster("gone", "1.30");

        assertEquals(ClusterStatus.DELETING, h.eks.deleteCluster(b -> b.name("gone")).cluster().status());
        h.clock.advance(Duration.ofMinutes(4));
        assertEquals(ClusterStatus.DELETING, describe("gone").status());
        h.clock.advance(Duration.ofMinutes(1));
        assertThrows(ResourceNotFoundException.class, () -> describe("gone"));
        assertFalse(h.apiServers.versions.containsKey("gone"));
    }

    @Test
    void deletionProtectionRefusesDeleteOfAnActiveClusterUntilLifted() {
        h.eks.createCluster(EksHarness.cluster("safe").deletionProtection(true).build());
        h.clock.advance(Duration.ofMinutes(12));

        var refused = assertThrows(InvalidRequestException.class, () -> h.eks.deleteCluster(b -> b.name("safe")));
        assertEquals(400, refused.statusCode());
        assertEquals(ClusterStatus.ACTIVE, describe("safe").status());

        var lift = h.eks.updateClusterConfig(b -> b.name("safe").deletionProtection(false)).update();
        assertEquals("DeletionProtectionUpdate", lift.typeAsString());
        assertEquals(UpdateStatus.IN_PROGRESS, lift.status());
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals(UpdateStatus.SUCCESSFUL,
                h.eks.describeUpdate(b -> b.name("safe").updateId(lift.id())).update().status());
        assertFalse(describe("safe").deletionProtection());
        assertEquals(ClusterStatus.DELETING, h.eks.deleteCluster(b -> b.name("safe")).cluster().status());
    }

    @Test
    void aProtectedClusterThatIsStillCreatingCanBeDeleted() {
        h.eks.createCluster(EksHarness.cluster("early").deletionProtection(true).build());
        assertEquals(ClusterStatus.DELETING, h.eks.deleteCluster(b -> b.name("early")).cluster().status());
        h.clock.advance(Duration.ofMinutes(20));
        assertThrows(ResourceNotFoundException.class, () -> describe("early"));
        assertFalse(h.apiServers.versions.containsKey("early"), "the create timer must not revive it");
    }

    @Test
    void aClientRequestTokenMakesCreateIdempotent() {
        Cluster first = h.eks.createCluster(EksHarness.cluster("idem").clientRequestToken("t-1").build()).cluster();
        Cluster again = h.eks.createCluster(EksHarness.cluster("idem").clientRequestToken("t-1").build()).cluster();

        assertEquals(first.arn(), again.arn());
        assertEquals(first.id(), again.id());
        assertEquals(List.of("idem"), h.eks.listClusters(b -> { }).clusters());
        assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("idem").version("1.31").clientRequestToken("t-1").build()));
        assertThrows(ResourceInUseException.class, () -> h.eks.createCluster(
                EksHarness.cluster("idem").clientRequestToken("t-2").build()));
    }

    @Test
    void autoModeNeedsComputeStorageAndLoadBalancingTogether() {
        var computeOnly = assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(
                EksHarness.cluster("auto").computeConfig(c -> c.enabled(true)).build()));
        assertTrue(computeOnly.awsErrorDetails().errorMessage().contains("must all be set to the same value"));
        assertThrows(InvalidParameterException.class, () -> h.eks.createCluster(EksHarness.cluster("auto")
                .computeConfig(c -> c.enabled(true).nodePools("general-purpose"))
                .storageConfig(s -> s.blockStorage(b -> b.enabled(true)))
                .kubernetesNetworkConfig(k -> k.elasticLoadBalancing(e -> e.enabled(true))).build()),
                "node pools need a node role");

        Cluster auto = h.eks.createCluster(EksHarness.cluster("auto")
                .computeConfig(c -> c.enabled(true).nodePools("general-purpose", "system")
                        .nodeRoleArn("arn:aws:iam::000000000000:role/auto-node"))
                .storageConfig(s -> s.blockStorage(b -> b.enabled(true)))
                .kubernetesNetworkConfig(k -> k.elasticLoadBalancing(e -> e.enabled(true)))
                .accessConfig(a -> a.authenticationMode("API")).build()).cluster();
        assertTrue(auto.computeConfig().enabled());
        assertEquals(List.of("general-purpose", "system"), auto.computeConfig().nodePools());
        assertTrue(auto.storageConfig().blockStorage().enabled());
        assertTrue(auto.kubernetesNetworkConfig().elasticLoadBalancing().enabled());

        h.clock.advance(Duration.ofMinutes(12));
        assertThrows(InvalidParameterException.class, () -> h.eks.updateClusterConfig(b -> b.name("auto")
                .storageConfig(s -> s.blockStorage(x -> x.enabled(false)))));
        var off = h.eks.updateClusterConfig(b -> b.name("auto").computeConfig(c -> c.enabled(false))
                .storageConfig(s -> s.blockStorage(x -> x.enabled(false)))
                .kubernetesNetworkConfig(k -> k.elasticLoadBalancing(e -> e.enabled(false)))).update();
        assertEquals("AutoModeUpdate", off.typeAsString());
    }

    @Test
    void oneKindOfConfigChangePerUpdate() {
        h.activeCluster("cfg", "1.30");
        var e = assertThrows(InvalidParameterException.class, () -> h.eks.updateClusterConfig(b -> b.name("cfg")
                .deletionProtection(true).upgradePolicy(u -> u.supportType("STANDARD"))));
        assertEquals("Only one type of update can be allowed.", e.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class, () -> h.eks.updateClusterConfig(b -> b.name("cfg")));

        var policy = h.eks.updateClusterConfig(b -> b.name("cfg").upgradePolicy(u -> u.supportType("STANDARD")))
                .update();
        assertEquals(ClusterStatus.UPDATING, describe("cfg").status());
        assertThrows(ResourceInUseException.class,
                () -> h.eks.updateClusterConfig(b -> b.name("cfg").deletionProtection(true)));
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals("STANDARD", describe("cfg").upgradePolicy().supportTypeAsString());
        assertEquals(List.of(policy.id()), h.eks.listUpdates(b -> b.name("cfg")).updateIds());

        var access = h.eks.updateClusterConfig(b -> b.name("cfg").accessConfig(a -> a.authenticationMode("API")))
                .update();
        assertEquals("AccessConfigUpdate", access.typeAsString());
        h.clock.advance(Duration.ofMinutes(2));
        assertThrows(InvalidParameterException.class, () -> h.eks.updateClusterConfig(b -> b.name("cfg")
                .accessConfig(a -> a.authenticationMode("CONFIG_MAP"))), "authentication modes only move forward");

        var logging = h.eks.updateClusterConfig(b -> b.name("cfg").logging(l -> l.clusterLogging(
                s -> s.types(software.amazon.awssdk.services.eks.model.LogType.API).enabled(true)))).update();
        assertEquals("LoggingUpdate", logging.typeAsString());
        h.clock.advance(Duration.ofMinutes(2));
        assertTrue(describe("cfg").logging().clusterLogging().get(0).enabled());
        assertNotEquals(policy.id(), logging.id());
    }
}
