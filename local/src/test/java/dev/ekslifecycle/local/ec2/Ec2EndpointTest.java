package dev.ekslifecycle.local.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.compute.ComputeHarness;
import dev.ekslifecycle.local.eks.SubnetDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Subnet;

class Ec2EndpointTest {

    private final ComputeHarness h = new ComputeHarness();

    Ec2EndpointTest() throws Exception {
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theDefaultVpcHasAPublicAndAPrivateSubnetInEachOfThreeZones() {
        var vpcs = h.ec2Client.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build()))
                .vpcs();
        assertEquals(1, vpcs.size());
        String vpcId = vpcs.get(0).vpcId();
        assertTrue(vpcs.get(0).isDefault());

        List<Subnet> subnets = h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpcId).build())).subnets();
        assertEquals(6, subnets.size());
        assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c"),
                subnets.stream().map(Subnet::availabilityZone).collect(Collectors.toSet()));
        Map<Boolean, Long> byPublic = subnets.stream()
                .collect(Collectors.partitioningBy(Subnet::mapPublicIpOnLaunch, Collectors.counting()));
        assertEquals(3L, byPublic.get(true));
        assertEquals(3L, byPublic.get(false));
        assertTrue(subnets.stream().allMatch(s -> s.subnetId().startsWith("subnet-") && s.cidrBlock() != null));
    }

    @Test
    void subnetsFilterByZoneTagAndIdWithWildcards() {
        List<Subnet> privateInB = h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("availability-zone").values("us-east-1b").build(),
                Filter.builder().name("tag:kubernetes.io/role/internal-elb").values("1").build())).subnets();
        assertEquals(1, privateInB.size());
        assertTrue(!privateInB.get(0).mapPublicIpOnLaunch());

        String id = privateInB.get(0).subnetId();
        assertEquals(id, h.ec2Client.describeSubnets(r -> r.subnetIds(id)).subnets().get(0).subnetId());
        assertEquals(3, h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("tag:Name").values("default-public-*").build())).subnets().size());
        assertEquals(6, h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("subnet-id").values("subnet-*").build())).subnets().size());
    }

    @Test
    void subnetsAreWhatTheSubnetDirectoryFinds() {
        Subnet s = h.ec2Client.describeSubnets(DescribeSubnetsRequest.builder().build()).subnets().get(0);
        SubnetDirectory.Subnet found = h.ec2.find(s.subnetId()).orElseThrow();
        assertEquals(s.availabilityZone(), found.availabilityZone());
        assertEquals(s.vpcId(), found.vpcId());
        assertEquals(s.mapPublicIpOnLaunch(), found.publicSubnet());
        assertTrue(h.ec2.find("subnet-0000000000000000").isEmpty());
    }

    @Test
    void unknownAndMalformedIdsAndFiltersAreEc2Errors() {
        Ec2Exception notFound = assertThrows(Ec2Exception.class,
                () -> h.ec2Client.describeSubnets(r -> r.subnetIds("subnet-0123456789abcdef0")));
        assertEquals("InvalidSubnetID.NotFound", notFound.awsErrorDetails().errorCode());
        assertEquals(400, notFound.statusCode());

        Ec2Exception malformed = assertThrows(Ec2Exception.class,
                () -> h.ec2Client.describeInstances(r -> r.instanceIds("bogus")));
        assertEquals("InvalidInstanceID.Malformed", malformed.awsErrorDetails().errorCode());

        Ec2Exception filter = assertThrows(Ec2Exception.class, () -> h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("colour").values("blue").build())));
        assertEquals("InvalidParameterValue", filter.awsErrorDetails().errorCode());
        assertTrue(filter.awsErrorDetails().errorMessage().contains("colour"));
    }

    @Test
    void instancesStartTerminateAndPublishStateChanges() {
        Subnet subnet = h.ec2Client.describeSubnets(r -> r.filters(
                Filter.builder().name("availability-zone").values("us-east-1a").build(),
                Filter.builder().name("default-for-az").values("false").build())).subnets().get(0);
        Ec2Instance launched = h.ec2.launch(new LaunchSpec(subnet.subnetId(), "m5.large", "ami-0123456789abcdef0",
                Map.of("team", "platform")));

        Instance pending = h.ec2Client.describeInstances(r -> r.instanceIds(launched.instanceId()))
                .reservations().get(0).instances().get(0);
        assertEquals(InstanceStateName.PENDING, pending.state().name());
        assertEquals("m5.large", pending.instanceTypeAsString());
        assertEquals("us-east-1a", pending.placement().availabilityZone());
        assertTrue(pending.privateDnsName().endsWith(".ec2.internal"));
        assertEquals("platform", pending.tags().get(0).value());
        assertEquals(0, h.ec2Client.describeInstanceStatus(r -> r.instanceIds(launched.instanceId()))
                .instanceStatuses().size(), "status lists running instances unless asked for all");

        h.clock.advance(Duration.ofSeconds(20));
        var status = h.ec2Client.describeInstanceStatus(r -> r.instanceIds(launched.instanceId()))
                .instanceStatuses().get(0);
        assertEquals(InstanceStateName.RUNNING, status.instanceState().name());
        assertEquals("ok", status.instanceStatus().statusAsString());

        var change = h.ec2Client.terminateInstances(r -> r.instanceIds(launched.instanceId()))
                .terminatingInstances().get(0);
        assertEquals(InstanceStateName.RUNNING, change.previousState().name());
        assertEquals(InstanceStateName.SHUTTING_DOWN, change.currentState().name());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(InstanceStateName.TERMINATED, h.ec2Client.describeInstances(r -> r.filters(
                        Filter.builder().name("tag:team").values("platform").build()))
                .reservations().get(0).instances().get(0).state().name());

        List<String> states = h.events.ofType("EC2 Instance State-change Notification").stream()
                .map(e -> e.detail().get("state").asText()).toList();
        assertEquals(List.of("pending", "running", "shutting-down", "terminated"), states);
        var event = h.events.all().get(0);
        assertEquals("aws.ec2", event.source());
        assertEquals(launched.instanceId(), event.detail().get("instance-id").asText());
        assertEquals(List.of(launched.arn()), event.resources());
    }

    @Test
    void anInjectedFaultAnswersAsEc2WouldAndThenPasses() {
        h.faults.add(dev.ekslifecycle.local.faults.FaultRule.nextCalls("ec2", "DescribeSubnets",
                "UnauthorizedOperation", 403, 1));
        Ec2Exception e = assertThrows(Ec2Exception.class,
                () -> h.ec2Client.describeSubnets(DescribeSubnetsRequest.builder().build()));
        assertEquals("UnauthorizedOperation", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertEquals(6, h.ec2Client.describeSubnets(DescribeSubnetsRequest.builder().build()).subnets().size(),
                "the fault was for one call only");
    }

    @Test
    void describeInstancesPagesWithMaxResults() {
        String subnetId = h.ec2.subnets("us-east-1").get(0).subnetId();
        for (int i = 0; i < 7; i++) {
            h.ec2.launch(new LaunchSpec(subnetId, "t3.medium", "ami-0123456789abcdef0", Map.of()));
        }
        var pages = h.ec2Client.describeInstancesPaginator(r -> r.maxResults(5));
        assertEquals(7, pages.reservations().stream().count());
        assertEquals(2, pages.stream().count());
        Ec2Exception tooSmall = assertThrows(Ec2Exception.class,
                () -> h.ec2Client.describeInstances(r -> r.maxResults(2)));
        assertEquals("InvalidParameterValue", tooSmall.awsErrorDetails().errorCode());
    }
}
