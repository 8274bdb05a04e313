package dev.ekslifecycle.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every endpoint on the edge applies an injected fault the same way (the shared FaultGate waits the latency, then
 * the endpoint answers the error in its own protocol's shape), read back through each service's own SDK client, or
 * for Kubernetes its Status document. The injector's wait records instead of sleeping, so no real time passes.
 */
class InjectedFaultsOnEveryEndpointTest {

    private static final Duration LATENCY = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private EdgeFixture fixture;

    /** What a call was refused with; null when it was served. */
    record Refusal(int status, String code, String message) {
    }

    @FunctionalInterface
    interface Call {
        Refusal make(EdgeFixture fixture) throws Exception;
    }

    /** A call through an SDK client, which throws the service error it reads. */
    @FunctionalInterface
    interface SdkCall {
        void make(EdgeFixture fixture);
    }

    /** One endpoint: the fault injector's service name, a cheap operation and how to call it. */
    record Endpoint(String service, String operation, String protocol, Call call) {
        @Override
        public String toString() {
            return service + " " + operation + " (" + protocol + ")";
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("dynamodb", "ListTables", "awsJson1_0", sdk(f -> {
                    try (DynamoDbClient c = f.client(DynamoDbClient.builder())) {
                        c.listTables();
                    }
                })),
                new Endpoint("states", "ListStateMachines", "awsJson1_0", sdk(f -> {
                    try (SfnClient c = f.client(SfnClient.builder())) {
                        c.listStateMachines(r -> { });
                    }
                })),
                new Endpoint("events", "ListRules", "awsJson1_1", sdk(f -> {
                    try (EventBridgeClient c = f.client(EventBridgeClient.builder())) {
                        c.listRules(r -> { });
                    }
                })),
                new Endpoint("sqs", "ListQueues", "awsJson1_0, query compatible", sdk(f -> {
                    try (SqsClient c = f.client(SqsClient.builder())) {
                        c.listQueues();
                    }
                })),
                new Endpoint("lambda", "ListFunctions", "restJson1", sdk(f -> {
                    try (LambdaClient c = f.client(LambdaClient.builder())) {
                        c.listFunctions();
                    }
                })),
                new Endpoint("eks", "ListClusters", "restJson1", sdk(f -> {
                    try (EksClient c = f.client(EksClient.builder())) {
                        c.listClusters(r -> { });
                    }
                })),
                new Endpoint("autoscaling", "DescribeAutoScalingGroups", "awsQuery", sdk(f -> {
                    try (AutoScalingClient c = f.client(AutoScalingClient.builder())) {
                        c.describeAutoScalingGroups();
                    }
                })),
                new Endpoint("ec2", "DescribeVpcs", "ec2Query", sdk(f -> {
                    try (Ec2Client c = f.client(Ec2Client.builder())) {
                        c.describeVpcs();
                    }
                })),
                new Endpoint("kubernetes", "list/nodes", "Kubernetes Status", InjectedFaultsOnEveryEndpointTest::listNodes));
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new EdgeFixture(new FaultInjector(1, waits::add));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void waitsTheInjectedLatencyThenAnswersTheInjectedErrorInTheServicesShape(Endpoint endpoint) throws Exception {
        if (endpoint.service().equals("kubernetes")) {
            openCluster("faulty");
        }
        fixture.edge.faults().add(new FaultRule(endpoint.service(), endpoint.operation(), "*", null, 0, null, 1.0,
                1, LATENCY));
        assertNull(endpoint.call().make(fixture), "a latency-only fault delays the call but lets it through");
        assertEquals(List.of(LATENCY), waits);

        fixture.edge.faults().add(new FaultRule(endpoint.service(), endpoint.operation(), "*",
                "ThrottlingException", 429, "Rate exceeded", 1.0, 1, LATENCY));
        assertEquals(new Refusal(429, "ThrottlingException", "Rate exceeded"), endpoint.call().make(fixture));
        assertEquals(List.of(LATENCY, LATENCY), waits, "the error comes after its latency");

        assertNull(endpoint.call().make(fixture), "the rules are used up");
        assertEquals(2, waits.size());
    }

    /** A call through an SDK client; its service error as the SDK read it off the wire. */
    private static Call sdk(SdkCall call) {
        return f -> {
            try {
                call.make(f);
                return null;
            } catch (AwsServiceException e) {
                return new Refusal(e.statusCode(), e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
            }
        };
    }

    private static Refusal listNodes(EdgeFixture f) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(f.edge.url() + "/k8s/faulty/api/v1/nodes")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            return null;
        }
        assertEquals("Status", body.path("kind").asText(), response.body());
        assertEquals(response.statusCode(), body.path("code").asInt(), response.body());
        return new Refusal(response.statusCode(), body.path("reason").asText(), body.path("message").asText());
    }

    /** An ACTIVE EKS cluster, whose Kubernetes API the edge then serves. */
    private void openCluster(String name) throws Exception {
        try (Ec2Client ec2 = fixture.client(Ec2Client.builder()); EksClient eks = fixture.client(EksClient.builder())) {
            List<String> privateSubnets = ec2.describeSubnets().subnets().stream()
                    .filter(s -> !s.mapPublicIpOnLaunch()).map(Subnet::subnetId).toList();
            eks.createCluster(c -> c.name(name).roleArn("arn:aws:iam::000000000000:role/eks-cluster")
                    .resourcesVpcConfig(v -> v.subnetIds(privateSubnets)));
            fixture.clock.awaitQuiescence(Duration.ofSeconds(20));
        }
    }
}
