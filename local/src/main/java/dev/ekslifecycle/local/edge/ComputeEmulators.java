package dev.ekslifecycle.local.edge;

import dev.ekslifecycle.local.autoscaling.AutoScalingEndpoint;
import dev.ekslifecycle.local.autoscaling.AutoScalingService;
import dev.ekslifecycle.local.autoscaling.FleetTimings;
import dev.ekslifecycle.local.autoscaling.ManagedNodeGroups;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.ec2.Ec2Endpoint;
import dev.ekslifecycle.local.ec2.Ec2Inventory;
import dev.ekslifecycle.local.ec2.InstanceTimings;
import dev.ekslifecycle.local.events.EventPublisher;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.kubernetes.ComputeFaultsEndpoint;
import dev.ekslifecycle.local.kubernetes.KubernetesClusters;
import dev.ekslifecycle.local.kubernetes.KubernetesEndpoint;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The compute behind EKS, wired together: EC2 (also EKS's {@code SubnetDirectory}), Auto Scaling, the managed
 * node groups (EKS's {@code NodeGroupFleet}) and the clusters' Kubernetes APIs (EKS's {@code ClusterApiServers}),
 * publishing their AWS events on the edge's EventBridge.
 */
record ComputeEmulators(Ec2Inventory ec2, AutoScalingService autoScaling, ManagedNodeGroups nodeGroups,
                        KubernetesClusters kubernetes, FaultInjector faults) {

    static ComputeEmulators start(SimulationClock clock, FaultInjector faults, EventPublisher events,
                                  Supplier<String> edgeUrl) {
        Ec2Inventory ec2 = new Ec2Inventory(clock, events, InstanceTimings.realistic());
        AutoScalingService autoScaling = new AutoScalingService(ec2, clock, events);
        KubernetesClusters kubernetes = new KubernetesClusters(clock, edgeUrl);
        ManagedNodeGroups nodeGroups = new ManagedNodeGroups(autoScaling, ec2, kubernetes, clock,
                FleetTimings.realistic());
        return new ComputeEmulators(ec2, autoScaling, nodeGroups, kubernetes, faults);
    }

    /** Hands each endpoint with its route to {@code add}. */
    void endpoints(BiConsumer<Route, Endpoint> add) {
        add.accept(Route.CONTROL, new ComputeFaultsEndpoint(kubernetes));
        add.accept(Route.KUBERNETES, new KubernetesEndpoint(kubernetes, faults));
        add.accept(Route.QUERY, new AutoScalingEndpoint(autoScaling, faults));
        add.accept(Route.QUERY, new Ec2Endpoint(ec2, faults));
    }
}
