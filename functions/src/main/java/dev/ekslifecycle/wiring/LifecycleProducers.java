package dev.ekslifecycle.wiring;

import dev.ekslifecycle.api.LifecycleApi;
import dev.ekslifecycle.aws.AwsClientSettings;
import dev.ekslifecycle.aws.AwsClients;
import dev.ekslifecycle.ec2.InstanceDirectory;
import dev.ekslifecycle.ec2.sdk.SdkInstanceDirectory;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.eks.sdk.SdkEksGateway;
import dev.ekslifecycle.events.LifecycleEventPublisher;
import dev.ekslifecycle.events.sdk.EventBridgePublisher;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.metrics.emf.EmfMetrics;
import dev.ekslifecycle.store.ClusterAuditLog;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.IdempotencyStore;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.workflow.ClusterProvisioning;
import dev.ekslifecycle.workflow.ClusterTeardown;
import dev.ekslifecycle.workflow.DriftCheck;
import dev.ekslifecycle.workflow.NodeHealthIntake;
import dev.ekslifecycle.workflow.OperationLifecycle;
import dev.ekslifecycle.workflow.WorkflowStarter;
import dev.ekslifecycle.workflow.WorkflowStarter.Workflow;
import dev.ekslifecycle.workflow.sdk.StepFunctionsStarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Builds the lifecycle services from configuration. Each value comes from an environment variable that
 * template.yaml sets (MicroProfile Config maps {@code EVENT_BUS_NAME} to {@code event.bus.name}); a Lambda that
 * does not use a service never builds it, so no function pays for clients it does not call. The SDK clients are
 * application-scoped, i.e. injected as proxies: each is built on its first call, not with the handler, because many
 * requests never make one (a step that stops at its DynamoDB read, an API read that starts no workflow).
 */
@ApplicationScoped
public class LifecycleProducers {

    @ConfigProperty(name = "event.bus.name", defaultValue = "default")
    String eventBusName;

    @ConfigProperty(name = "create.cluster.state.machine.arn")
    Optional<String> createClusterStateMachineArn;

    @ConfigProperty(name = "delete.cluster.state.machine.arn")
    Optional<String> deleteClusterStateMachineArn;

    @ConfigProperty(name = "lifecycle.role.arn")
    Optional<String> lifecycleRoleArn;

    /** template.yaml's StageName, the metrics' Stage dimension. */
    @ConfigProperty(name = "metrics.stage", defaultValue = "local")
    String metricsStage;

    @Produces
    @Singleton
    LifecycleMetrics metrics(Clock clock) {
        // EMF lines go to stdout beside the log lines, with the invocation's log context.
        return new EmfMetrics(metricsStage, clock, System.out, MDC::getMap);
    }

    @Produces
    @ApplicationScoped
    EksClient eksClient(AwsClientSettings settings) {
        return AwsClients.build(EksClient.builder(), settings);
    }

    void close(@Disposes EksClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    Ec2Client ec2Client(AwsClientSettings settings) {
        return AwsClients.build(Ec2Client.builder(), settings);
    }

    void close(@Disposes Ec2Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    SfnClient sfnClient(AwsClientSettings settings) {
        return AwsClients.build(SfnClient.builder(), settings);
    }

    void close(@Disposes SfnClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    EventBridgeClient eventBridgeClient(AwsClientSettings settings) {
        return AwsClients.build(EventBridgeClient.builder(), settings);
    }

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }

    @Produces
    @Singleton
    EksGateway eks(EksClient client) {
        return new SdkEksGateway(client);
    }

    @Produces
    @Singleton
    LifecycleEventPublisher events(EventBridgeClient client) {
        return new EventBridgePublisher(client, eventBusName);
    }

    @Produces
    @Singleton
    WorkflowStarter workflows(SfnClient client) {
        Map<Workflow, String> arns = new EnumMap<>(Workflow.class);
        createClusterStateMachineArn.ifPresent(arn -> arns.put(Workflow.CREATE_CLUSTER, arn));
        deleteClusterStateMachineArn.ifPresent(arn -> arns.put(Workflow.DELETE_CLUSTER, arn));
        return new StepFunctionsStarter(client, arns);
    }

    @Produces
    @Singleton
    LifecycleApi api(ClusterStore clusters, OperationStore operations, ClusterLocks locks,
                     IdempotencyStore idempotency, WorkflowStarter workflows, AwsClientSettings settings,
                     LifecycleMetrics metrics) {
        return new LifecycleApi(clusters, operations, locks, idempotency, workflows, settings.region().id(), metrics);
    }

    @Produces
    @Singleton
    ClusterProvisioning provisioning(ClusterStore clusters, OperationStore operations, EksGateway eks) {
        return new ClusterProvisioning(clusters, operations, eks, lifecycleRoleArn.orElse(null));
    }

    @Produces
    @Singleton
    ClusterTeardown teardown(ClusterStore clusters, OperationStore operations, EksGateway eks) {
        return new ClusterTeardown(clusters, operations, eks);
    }

    @Produces
    @Singleton
    OperationLifecycle lifecycle(ClusterStore clusters, OperationStore operations, ClusterLocks locks,
                                 EksGateway eks, LifecycleEventPublisher events, Clock clock,
                                 LifecycleMetrics metrics) {
        return new OperationLifecycle(clusters, operations, locks, eks, events, clock, metrics);
    }

    @Produces
    @Singleton
    DriftCheck driftCheck(ClusterStore clusters, ClusterLocks locks, ClusterAuditLog auditLog, EksGateway eks,
                          LifecycleEventPublisher events, Clock clock) {
        return new DriftCheck(clusters, locks, auditLog, eks, events, clock);
    }

    @Produces
    @Singleton
    InstanceDirectory instances(Ec2Client client) {
        return new SdkInstanceDirectory(client);
    }

    @Produces
    @Singleton
    NodeHealthIntake healthIntake(InstanceDirectory instances, ClusterStore clusters, ClusterLocks locks,
                                  ClusterAuditLog auditLog, LifecycleEventPublisher events) {
        return new NodeHealthIntake(instances, clusters, locks, auditLog, events);
    }
}
