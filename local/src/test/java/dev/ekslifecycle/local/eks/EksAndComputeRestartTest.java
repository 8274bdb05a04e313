package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.compute.ComputeEmulators;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.events.EventPublisher;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** The compute emulators and EKS restarted together on one data directory keep one fleet per node group. */
class EksAndComputeRestartTest {

    @TempDir
    Path dataDir;

    /** One start of the local cloud's EKS and compute parts. */
    private final class Cloud implements AutoCloseable {
        final VirtualClock clock;
        final HttpServerHost host;
        final ComputeEmulators compute;
        final EksClient eks;

        Cloud(Instant start) throws Exception {
            clock = SimulationClock.virtual(start);
            host = HttpServerHost.start("restart-test", 0, clock);
            EventPublisher noEvents = (bus, source, detailType, detail, resources) -> { };
            FaultInjector faults = new FaultInjector(1);
            compute = new ComputeEmulators(clock, faults, noEvents, host::url, dataDir);
            EksEmulator emulator = new EksEmulator(clock, faults, compute.ec2, compute.nodeGroups,
                    compute.kubernetes, EksSettings.defaults().withDataDirectory(dataDir));
            host.add(emulator.apiEndpoint());
            eks = EksHarness.client(host.url());
        }

        void settle() throws Exception {
            clock.awaitQuiescence(Duration.ofSeconds(30));
        }

        @Override
        public void close() {
            compute.save();
            eks.close();
            host.close();
            clock.shutdown();
        }
    }

    @Test
    void nodeGroupsKeepTheirGroupAcrossARestart() throws Exception {
        Instant stoppedAt;
        String group;
        try (Cloud first = new Cloud(EksHarness.T0)) {
            List<String> subnets = first.compute.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                    .map(Ec2Subnet::subnetId).toList();
            first.eks.createCluster(EksHarness.cluster("kept").resourcesVpcConfig(v -> v.subnetIds(subnets)).build());
            first.settle();
            first.eks.createNodegroup(b -> b.clusterName("kept").nodegroupName("ng")
                    .nodeRole("arn:aws:iam::000000000000:role/node").subnets(subnets)
                    .scalingConfig(s -> s.minSize(1).maxSize(3).desiredSize(2)));
            first.settle();
            group = first.eks.describeNodegroup(b -> b.clusterName("kept").nodegroupName("ng")).nodegroup()
                    .resources().autoScalingGroups().get(0).name();
            stoppedAt = first.clock.instant();
        }

        try (Cloud second = new Cloud(stoppedAt)) {
            second.settle();
            assertEquals(ClusterStatus.ACTIVE, second.eks.describeCluster(b -> b.name("kept")).cluster().status());
            var ng = second.eks.describeNodegroup(b -> b.clusterName("kept").nodegroupName("ng")).nodegroup();
            assertEquals(NodegroupStatus.ACTIVE, ng.status());
            assertEquals(group, ng.resources().autoScalingGroups().get(0).name());
            assertEquals(1, second.compute.autoScaling.groups("us-east-1").size(), "no second group");

            second.eks.updateClusterVersion(b -> b.name("kept").version("1.31"));
            second.settle();
            String roll = second.eks.updateNodegroupVersion(b -> b.clusterName("kept").nodegroupName("ng"))
                    .update().id();
            second.settle();
            assertEquals(UpdateStatus.SUCCESSFUL, second.eks.describeUpdate(b -> b.name("kept").nodegroupName("ng")
                    .updateId(roll)).update().status());
        }
    }
}
