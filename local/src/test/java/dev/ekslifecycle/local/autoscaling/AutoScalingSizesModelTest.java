package dev.ekslifecycle.local.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ekslifecycle.local.compute.ComputeHarness;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Seeded random sequences of size changes and terminations, valid and invalid, through the SDK, checked against
 * a model of the group's sizes: a refused call changes nothing, an accepted one does what the model says, and in
 * the end the group runs exactly its desired capacity.
 */
class AutoScalingSizesModelTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sizesFollowTheModelAndInstancesConverge(long seed) throws Exception {
        Random random = new Random(seed);
        try (ComputeHarness h = new ComputeHarness()) {
            List<String> subnets = h.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                    .map(Ec2Subnet::subnetId).toList();
            String name = h.autoScaling.create(new AutoScalingService.GroupSpec("model", 1, 4, 2, subnets,
                    List.of("t3.medium"), new LaunchVersion(1, "1.31", "1.31.0-1"), Map.of())).name();
            int[] model = {1, 4, 2};
            List<String> log = new ArrayList<>();
            for (int step = 0; step < 14; step++) {
                int kind = random.nextInt(5);
                int a = random.nextInt(9) - 1;
                int b = random.nextInt(9) - 1;
                int c = random.nextInt(9) - 1;
                boolean flag = random.nextBoolean();
                log.add(kind + ":" + a + "," + b + "," + c + "," + flag);
                Optional<int[]> expected = switch (kind) {
                    case 0 -> setDesired(h, name, model, a);
                    case 1 -> update(h, name, model, a, b, flag ? c : null);
                    case 2 -> terminateInGroup(h, name, model, a, flag);
                    case 3 -> terminateThroughEc2(h, name, model, a);
                    default -> {
                        h.clock.advance(Duration.ofSeconds(a * 15L + 15));
                        yield Optional.of(model.clone());
                    }
                };
                AutoScalingGroup g = describe(h, name);
                int[] actual = {g.minSize(), g.maxSize(), g.desiredCapacity()};
                int[] want = expected.orElse(model);
                assertEquals(List.of(want[0], want[1], want[2]), List.of(actual[0], actual[1], actual[2]),
                        "seed " + seed + " after " + log);
                model = want;
            }
            h.clock.advance(Duration.ofMinutes(10));
            AutoScalingGroup g = describe(h, name);
            assertEquals(g.desiredCapacity(), g.instances().size(), "seed " + seed + " after " + log);
            assertTrue(g.instances().stream().allMatch(i -> i.lifecycleStateAsString().equals("InService")));
            for (Instance i : g.instances()) {
                assertEquals(InstanceStateName.RUNNING, h.ec2Client.describeInstances(r -> r.instanceIds(
                        i.instanceId())).reservations().get(0).instances().get(0).state().name());
            }
        }
    }

    private static AutoScalingGroup describe(ComputeHarness h, String name) {
        return h.autoScalingClient.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().get(0);
    }

    /** The model's answer, or empty when the call must be refused (then the model stays as it is). */
    private static Optional<int[]> setDesired(ComputeHarness h, String name, int[] m, int desired) {
        boolean valid = desired >= m[0] && desired <= m[1];
        return call(valid, () -> h.autoScalingClient.setDesiredCapacity(
                r -> r.autoScalingGroupName(name).desiredCapacity(desired)), new int[] {m[0], m[1], desired});
    }

    private static Optional<int[]> update(ComputeHarness h, String name, int[] m, int min, int max, Integer desired) {
        int newDesired = desired != null ? desired : Math.max(min, Math.min(max, m[2]));
        boolean valid = min >= 0 && max >= 0 && min <= max && newDesired >= min && newDesired <= max;
        return call(valid, () -> h.autoScalingClient.updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .minSize(min).maxSize(max).desiredCapacity(desired)), new int[] {min, max, newDesired});
    }

    private static Optional<int[]> terminateInGroup(ComputeHarness h, String name, int[] m, int index,
                                                    boolean decrement) {
        List<Instance> counted = counted(h, name);
        if (counted.isEmpty()) {
            return Optional.of(m.clone());
        }
        String id = counted.get(Math.floorMod(index, counted.size())).instanceId();
        boolean valid = !decrement || m[2] > m[0];
        return call(valid, () -> h.autoScalingClient.terminateInstanceInAutoScalingGroup(
                        r -> r.instanceId(id).shouldDecrementDesiredCapacity(decrement)),
                new int[] {m[0], m[1], decrement ? m[2] - 1 : m[2]});
    }

    private static Optional<int[]> terminateThroughEc2(ComputeHarness h, String name, int[] m, int index) {
        List<Instance> counted = counted(h, name);
        if (!counted.isEmpty()) {
            String id = counted.get(Math.floorMod(index, counted.size())).instanceId();
            h.ec2Client.terminateInstances(r -> r.instanceIds(id));
        }
        return Optional.of(m.clone());
    }

    private static List<Instance> counted(ComputeHarness h, String name) {
        return describe(h, name).instances().stream()
                .filter(i -> i.lifecycleStateAsString().equals("Pending")
                        || i.lifecycleStateAsString().equals("InService")).toList();
    }

    private static Optional<int[]> call(boolean valid, Runnable call, int[] ifAccepted) {
        try {
            call.run();
            if (!valid) {
                fail("the call should have been refused");
            }
            return Optional.of(ifAccepted);
        } catch (AutoScalingException e) {
            if (valid) {
                throw e;
            }
            assertEquals("ValidationError", e.awsErrorDetails().errorCode());
            assertEquals(400, e.statusCode());
            return Optional.empty();
        }
    }
}
