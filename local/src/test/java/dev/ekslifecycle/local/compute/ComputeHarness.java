package dev.ekslifecycle.local.compute;

import dev.ekslifecycle.local.autoscaling.AutoScalingService;
import dev.ekslifecycle.local.autoscaling.ManagedNodeGroups;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.ec2.Ec2Inventory;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.kubernetes.KubernetesClusters;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The compute emulators (EC2, Auto Scaling, managed node groups, Kubernetes API, fault hooks) on a free port under
 * a manual virtual clock, with real SDK and fabric8 clients.
 */
public final class ComputeHarness implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    public final VirtualClock clock;
    public final CapturedEvents events = new CapturedEvents();
    public final FaultInjector faults = new FaultInjector(42);
    public final Ec2Inventory ec2;
    public final AutoScalingService autoScaling;
    public final HttpServerHost host;
    public final KubernetesClusters kubernetes;
    public final ManagedNodeGroups nodeGroups;
    public final Ec2Client ec2Client;
    public final AutoScalingClient autoScalingClient;

    public ComputeHarness() throws Exception {
        this(START);
    }

    public ComputeHarness(Instant start) throws Exception {
        clock = VirtualClock.manual(start);
        host = HttpServerHost.start("compute-test", 0, clock);
        ComputeEmulators compute = new ComputeEmulators(clock, faults, events, host::url, null);
        ec2 = compute.ec2;
        autoScaling = compute.autoScaling;
        kubernetes = compute.kubernetes;
        nodeGroups = compute.nodeGroups;
        host.add(compute.ec2Endpoint()).add(compute.autoScalingEndpoint()).add(compute.kubernetesEndpoint())
                .add(compute.faultsEndpoint());
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        ec2Client = Ec2Client.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        autoScalingClient = AutoScalingClient.builder().endpointOverride(URI.create(host.url()))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A fabric8 client for an open cluster's API, with an EKS-style token and no retries on 429. */
    public KubernetesClient kubernetesClient(String apiUrl) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(apiUrl)
                .withOauthToken("k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbQ").withRequestRetryBackoffLimit(0)
                .withNamespace("default").build()).build();
    }

    @Override
    public void close() {
        ec2Client.close();
        autoScalingClient.close();
        host.close();
        clock.shutdown();
    }
}
