package dev.ekslifecycle.local.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.compute.ComputeHarness;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

class AutoScalingEndpointTest {

    private final ComputeHarness h = new ComputeHarness();

    AutoScalingEndpointTest() throws Exception {
    }

    @AfterEach
    void close() {
        h.close();
    }

    private String createGroup(int min, int max, int desired) {
        List<String> privateSubnets = h.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                .map(Ec2Subnet::subnetId).toList();
        return h.autoScaling.create(new AutoScalingService.GroupSpec("eks-workers", min, max, desired,
                privateSubnets, List.of("m5.large"), new LaunchVersion(1, "1.31", "1.31.0-20261101"),
                Map.of("eks:cluster-name", "prod", "eks:nodegroup-name", "workers"))).name();
    }

    private AutoScalingGroup describe(String name) {
        return h.autoScalingClient.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().get(0);
    }

    @Test
    void aGroupLaunchesItsDesiredCapacityAcrossZonesAndEntersService() {
        String name = createGroup(1, 5, 3);
        AutoScalingGroup group = describe(name);
        assertEquals(3, group.desiredCapacity());
        assertEquals(3, group.instances().size());
        assertTrue(group.instances().stream().allMatch(i -> i.lifecycleStateAsString().equals("Pending")));
        assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c"),
                group.instances().stream().map(Instance::availabilityZone).collect(Collectors.toSet()));
        assertEquals(3, group.vpcZoneIdentifier().split(",").length);

        h.clock.advance(Duration.ofSeconds(20));
        assertTrue(describe(name).instances().stream().allMatch(i -> i.lifecycleStateAsString().equals("InService")));
        var launches = h.events.ofType("EC2 Instance Launch Successful");
        assertEquals(3, launches.size());
        assertEquals("aws.autoscaling", launches.get(0).source());
        assertEquals(name, launches.get(0).detail().get("AutoScalingGroupName").asText());
        assertTrue(launches.get(0).resources().get(0).startsWith("arn:aws:autoscaling:us-east-1:000000000000:"));

        var byInstance = h.autoScalingClient.describeAutoScalingInstances(
                r -> r.instanceIds(group.instances().get(0).instanceId())).autoScalingInstances();
        assertEquals(name, byInstance.get(0).autoScalingGroupName());
        assertEquals("HEALTHY", byInstance.get(0).healthStatus());
    }

    @Test
    void setDesiredCapacityAndUpdateMoveTheInstanceCount() {
        String name = createGroup(1, 5, 2);
        h.autoScalingClient.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(4));
        assertEquals(4, describe(name).instances().size());
        h.clock.advance(Duration.ofMinutes(1));

        h.autoScalingClient.updateAutoScalingGroup(r -> r.autoScalingGroupName(name).maxSize(2));
        AutoScalingGroup shrunk = describe(name);
        assertEquals(2, shrunk.desiredCapacity(), "desired follows a lower maximum");
        assertEquals(2, shrunk.instances().stream()
                .filter(i -> i.lifecycleStateAsString().equals("InService")).count());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(2, describe(name).instances().size());
        assertEquals(2, h.events.ofType("EC2 Instance Terminate Successful").size());
    }

    @Test
    void sizesOutsideTheBoundsAreValidationErrors() {
        String name = createGroup(1, 3, 2);
        AutoScalingException above = assertThrows(AutoScalingException.class,
                () -> h.autoScalingClient.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(4)));
        assertEquals("ValidationError", above.awsErrorDetails().errorCode());
        assertEquals(400, above.statusCode());
        assertTrue(above.awsErrorDetails().errorMessage().contains("above max value 3"));

        AutoScalingException bounds = assertThrows(AutoScalingException.class,
                () -> h.autoScalingClient.updateAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(4)));
        assertEquals("ValidationError", bounds.awsErrorDetails().errorCode());
        assertEquals(2, describe(name).desiredCapacity(), "a refused call changes nothing");

        AutoScalingException missing = assertThrows(AutoScalingException.class,
                () -> h.autoScalingClient.setDesiredCapacity(r -> r.autoScalingGroupName("nope").desiredCapacity(1)));
        assertEquals("ValidationError", missing.awsErrorDetails().errorCode());
    }

    @Test
    void terminatingWithoutDecrementLaunchesAReplacement() {
        String name = createGroup(1, 3, 2);
        h.clock.advance(Duration.ofSeconds(30));
        String victim = describe(name).instances().get(0).instanceId();

        var activity = h.autoScalingClient.terminateInstanceInAutoScalingGroup(
                r -> r.instanceId(victim).shouldDecrementDesiredCapacity(false)).activity();
        assertTrue(activity.description().contains(victim));
        AutoScalingGroup during = describe(name);
        assertEquals(2, during.desiredCapacity());
        assertEquals(3, during.instances().size(), "the victim terminates while its replacement is pending");

        h.clock.advance(Duration.ofMinutes(2));
        AutoScalingGroup after = describe(name);
        assertEquals(2, after.instances().size());
        assertTrue(after.instances().stream().noneMatch(i -> i.instanceId().equals(victim)));
        assertTrue(after.instances().stream().allMatch(i -> i.lifecycleStateAsString().equals("InService")));
    }

    @Test
    void terminatingWithDecrementShrinksTheGroupDownToItsMinimum() {
        String name = createGroup(1, 3, 2);
        h.clock.advance(Duration.ofSeconds(30));
        List<String> ids = describe(name).instances().stream().map(Instance::instanceId).toList();
        h.autoScalingClient.terminateInstanceInAutoScalingGroup(
                r -> r.instanceId(ids.get(0)).shouldDecrementDesiredCapacity(true));
        assertEquals(1, describe(name).desiredCapacity());

        AutoScalingException atMin = assertThrows(AutoScalingException.class,
                () -> h.autoScalingClient.terminateInstanceInAutoScalingGroup(
                        r -> r.instanceId(ids.get(1)).shouldDecrementDesiredCapacity(true)));
        assertTrue(atMin.awsErrorDetails().errorMessage().contains("min size"));
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(ids.get(1)), describe(name).instances().stream().map(Instance::instanceId).toList());
    }

    @Test
    void anInstanceTerminatedThroughEc2IsReplaced() {
        String name = createGroup(1, 3, 1);
        h.clock.advance(Duration.ofSeconds(30));
        String victim = describe(name).instances().get(0).instanceId();
        h.ec2Client.terminateInstances(r -> r.instanceIds(victim));
        h.clock.advance(Duration.ofMinutes(2));
        Instance replacement = describe(name).instances().get(0);
        assertTrue(!replacement.instanceId().equals(victim));
        assertEquals("InService", replacement.lifecycleStateAsString());
        assertEquals(InstanceStateName.RUNNING, h.ec2Client.describeInstances(r -> r.instanceIds(
                replacement.instanceId())).reservations().get(0).instances().get(0).state().name());
    }

    @Test
    void groupsFilterByTag() {
        String name = createGroup(0, 3, 0);
        assertEquals(List.of(name), h.autoScalingClient.describeAutoScalingGroups(r -> r.filters(
                        Filter.builder().name("tag:eks:cluster-name").values("prod").build()))
                .autoScalingGroups().stream().map(AutoScalingGroup::autoScalingGroupName).toList());
        assertEquals(0, h.autoScalingClient.describeAutoScalingGroups(r -> r.filters(
                Filter.builder().name("tag:eks:cluster-name").values("dev").build())).autoScalingGroups().size());
    }

    @Test
    void anInjectedFaultAnswersAsAutoScalingWould() {
        String name = createGroup(0, 3, 0);
        h.faults.add(dev.ekslifecycle.local.faults.FaultRule.nextCalls("autoscaling", "SetDesiredCapacity",
                "ScalingActivityInProgress", 400, 1));
        AutoScalingException e = assertThrows(AutoScalingException.class,
                () -> h.autoScalingClient.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(1)));
        assertEquals("ScalingActivityInProgress", e.awsErrorDetails().errorCode());
        h.autoScalingClient.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(1));
        assertEquals(1, describe(name).desiredCapacity());
    }
}
