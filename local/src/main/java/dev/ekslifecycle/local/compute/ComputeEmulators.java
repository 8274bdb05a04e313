package dev.ekslifecycle.local.compute;

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
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The compute emulators wired together: EC2 (also the EKS emulator's {@code SubnetDirectory}), Auto Scaling,
 * managed node groups (the {@code NodeGroupFleet}) and the clusters' Kubernetes APIs (the
 * {@code ClusterApiServers}), with their four endpoints for the edge port.
 *
 * <p>With a data directory, the state is restored from it at start and saved after every change (saves that
 * fall due while one is pending are coalesced into it).
 */
public final class ComputeEmulators {

    private static final Logger LOG = Logger.getLogger(ComputeEmulators.class.getName());

    public final Ec2Inventory ec2;
    public final AutoScalingService autoScaling;
    public final KubernetesClusters kubernetes;
    public final ManagedNodeGroups nodeGroups;
    private final Ec2Endpoint ec2Endpoint;
    private final AutoScalingEndpoint autoScalingEndpoint;
    private final KubernetesEndpoint kubernetesEndpoint;
    private final ComputeFaultsEndpoint faultsEndpoint;
    private final SimulationClock clock;
    private final ComputeStateFile stateFile;
    private final AtomicBoolean saveScheduled = new AtomicBoolean();

    /**
     * @param edgeUrl       the edge port's base URL, for the API server URLs handed to EKS
     * @param dataDirectory where state is kept, or null to keep it in memory only
     */
    public ComputeEmulators(SimulationClock clock, FaultInjector faults, EventPublisher events,
                            Supplier<String> edgeUrl, Path dataDirectory) {
        this.clock = clock;
        this.ec2 = new Ec2Inventory(clock, events, InstanceTimings.realistic());
        this.autoScaling = new AutoScalingService(ec2, clock, events);
        this.kubernetes = new KubernetesClusters(clock, edgeUrl);
        this.nodeGroups = new ManagedNodeGroups(autoScaling, ec2, kubernetes, clock, FleetTimings.realistic());
        this.ec2Endpoint = new Ec2Endpoint(ec2, faults);
        this.autoScalingEndpoint = new AutoScalingEndpoint(autoScaling, faults);
        this.kubernetesEndpoint = new KubernetesEndpoint(kubernetes, faults);
        this.faultsEndpoint = new ComputeFaultsEndpoint(kubernetes);
        this.stateFile = dataDirectory == null ? null : new ComputeStateFile(dataDirectory);
        if (stateFile != null) {
            stateFile.load().ifPresent(this::restore);
            Runnable changed = this::scheduleSave;
            ec2.onChange(changed);
            autoScaling.onChange(changed);
            nodeGroups.onChange(changed);
            kubernetes.onChange(changed);
        }
    }

    /** EC2: signed for {@code ec2}, or {@code Version=2016-11-15}; a Query-protocol route. */
    public Endpoint ec2Endpoint() {
        return ec2Endpoint;
    }

    /** Auto Scaling: signed for {@code autoscaling}, or {@code Version=2011-01-01}; a Query-protocol route. */
    public Endpoint autoScalingEndpoint() {
        return autoScalingEndpoint;
    }

    /** The clusters' Kubernetes APIs: paths {@code /k8s/{cluster}/...}. */
    public Endpoint kubernetesEndpoint() {
        return kubernetesEndpoint;
    }

    /** The compute fault hooks: paths {@code /_local/compute/...}. */
    public Endpoint faultsEndpoint() {
        return faultsEndpoint;
    }

    /** Writes the state now (no-op without a data directory). */
    public void save() {
        if (stateFile == null) {
            return;
        }
        // One save at a time, each writing a state no older than the one before it.
        synchronized (stateFile) {
            ComputeState state;
            // Auto Scaling's lock first, as everywhere: the fleet and the groups then stand still together.
            synchronized (autoScaling) {
                state = new ComputeState(ec2.snapshot(), autoScaling.snapshot(), nodeGroups.snapshot(),
                        kubernetes.snapshot());
            }
            stateFile.save(state);
        }
    }

    private void restore(ComputeState saved) {
        ec2.restore(saved.ec2());
        autoScaling.restore(saved.autoScaling());
        kubernetes.restore(saved.kubernetes());
        nodeGroups.restore(saved.nodeGroups());
    }

    private void scheduleSave() {
        if (saveScheduled.compareAndSet(false, true)) {
            clock.execute(() -> {
                saveScheduled.set(false);
                try {
                    save();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not save the compute state", e);
                }
            });
        }
    }
}
