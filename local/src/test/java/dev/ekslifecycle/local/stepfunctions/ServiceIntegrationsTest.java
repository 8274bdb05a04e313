package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Optimized and SDK integrations against real local services over HTTP, on a virtual clock. */
class ServiceIntegrationsTest {

    private final VirtualClock clock = SimulationClock.virtual(Instant.parse("2026-05-01T00:00:00Z"));
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        clock.shutdown();
    }

    private StepFunctionsService service(String endpoint) {
        return StepFunctionsService.builder(clock).integrationEndpoint(URI.create(endpoint)).build();
    }

    private Execution run(StepFunctionsService service, String definition, String input) throws Exception {
        String arn = service.createStateMachine(Json.object().put("name", "m" + System.nanoTime())
                .put("definition", definition).put("roleArn", "arn:aws:iam::000000000000:role/r"))
                .get("stateMachineArn").asText();
        Execution e = service.startExecution(arn, null, input);
        clock.awaitQuiescence(Duration.ofSeconds(20));
        return e;
    }

    @Test
    void dynamoDbOptimizedAndSdkIntegrationsReadAndWriteTheLocalDynamoDb() throws Exception {
        LocalDynamoDb dynamo = LocalDynamoDb.start(LocalDynamoDbConfig.inMemory(clock));
        closing.add(dynamo);
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(dynamo.url()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build()) {
            client.createTable(r -> r.tableName("Clusters").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build()));
        }
        Execution e = run(service(dynamo.url()), """
                {"StartAt":"Put","States":{
                  "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","ResultPath":null,
                    "Parameters":{"TableName":"Clusters","Item":{"id":{"S.$":"$.id"},"version":{"N":"1"}},
                                  "ConditionExpression":"attribute_not_exists(id)"},"Next":"PutAgain"},
                  "PutAgain":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                    "Parameters":{"TableName":"Clusters","Item":{"id":{"S.$":"$.id"}},
                                  "ConditionExpression":"attribute_not_exists(id)"},
                    "Catch":[{"ErrorEquals":["DynamoDB.ConditionalCheckFailedException"],"ResultPath":"$.conflict",
                              "Next":"Get"}],"Next":"Get"},
                  "Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:getItem",
                    "Parameters":{"TableName":"Clusters","Key":{"id":{"S.$":"$.id"}}},
                    "ResultSelector":{"version.$":"$.Item.version.N"},"ResultPath":"$.got","Next":"Missing"},
                  "Missing":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:getItem",
                    "Parameters":{"TableName":"NoSuchTable","Key":{"id":{"S":"x"}}},
                    "Catch":[{"ErrorEquals":["DynamoDb.ResourceNotFoundException"],"ResultPath":"$.missing",
                              "Next":"Done"}],"End":true},
                  "Done":{"Type":"Succeed"}}}""", "{\"id\":\"c-1\"}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status(), () -> e.error() + ": " + e.cause());
        assertEquals("DynamoDB.ConditionalCheckFailedException", e.output().at("/conflict/Error").asText());
        assertEquals("1", e.output().at("/got/version").asText());
        assertEquals("DynamoDb.ResourceNotFoundException", e.output().at("/missing/Error").asText());
    }

    /** A stand-in for the EKS API: a cluster stays CREATING for three Describe calls, then is ACTIVE. */
    private static final class EksStub implements Endpoint {
        final List<Instant> describes = new CopyOnWriteArrayList<>();
        final SimulationClock clock;
        final String finalStatus;

        EksStub(SimulationClock clock, String finalStatus) {
            this.clock = clock;
            this.finalStatus = finalStatus;
        }

        @Override
        public String name() {
            return "eks-stub";
        }

        @Override
        public boolean accepts(Request request) {
            return request.path().startsWith("/clusters");
        }

        @Override
        public Response handle(Request request) {
            if (request.method().equals("POST")) {
                String name = Json.parse(request.bodyText()).get("name").asText();
                return cluster(name, "CREATING");
            }
            describes.add(clock.instant());
            return cluster(request.path().substring("/clusters/".length()),
                    describes.size() < 4 ? "CREATING" : finalStatus);
        }

        private static Response cluster(String name, String status) {
            return Response.of(200, "application/json", "{\"cluster\":{\"name\":\"" + name + "\",\"status\":\""
                    + status + "\",\"arn\":\"arn:aws:eks:us-east-1:000000000000:cluster/" + name + "\"}}");
        }
    }

    @Test
    void eksCreateClusterSyncPollsOnTheClockUntilActive() throws Exception {
        EksStub eks = new EksStub(clock, "ACTIVE");
        HttpServerHost host = HttpServerHost.start("eks-stub", 0, clock).add(eks);
        closing.add(host);
        Execution e = run(service(host.url()), """
                {"StartAt":"Create","States":{"Create":{"Type":"Task","Resource":"arn:aws:states:::eks:createCluster.sync",
                  "Parameters":{"Name":"demo","RoleArn":"arn:aws:iam::000000000000:role/eks",
                                "ResourcesVpcConfig":{"SubnetIds":["subnet-1","subnet-2"]}},
                  "OutputPath":"$.Cluster","End":true}}}""", "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status(), () -> e.error() + ": " + e.cause() + " "
                + Workflows.eventTypes(e) + " describes at " + eks.describes);
        assertEquals("ACTIVE", e.output().get("Status").asText());
        assertEquals("demo", e.output().get("Name").asText());
        assertEquals(4, eks.describes.size());
        assertTrue(Duration.between(eks.describes.get(0), eks.describes.get(3)).toSeconds() > 10,
                "polls back off on the clock: " + eks.describes);
    }

    @Test
    void eksSyncFailsWhenTheClusterFails() throws Exception {
        EksStub eks = new EksStub(clock, "FAILED");
        HttpServerHost host = HttpServerHost.start("eks-stub", 0, clock).add(eks);
        closing.add(host);
        Execution e = run(service(host.url()), """
                {"StartAt":"Create","States":{"Create":{"Type":"Task","Resource":"arn:aws:states:::eks:createCluster.sync",
                  "Parameters":{"Name":"demo","RoleArn":"r","ResourcesVpcConfig":{"SubnetIds":["s"]}},"End":true}}}""",
                "{}");
        assertEquals(ExecutionStatus.FAILED, e.status());
        assertEquals("States.TaskFailed", e.error());
        assertTrue(e.cause().contains("FAILED"), e.cause());
    }

    @Test
    void startExecutionSyncRunsAChildAndReturnsItsOutput() throws Exception {
        StepFunctionsService service = StepFunctionsService.builder(clock).build();
        String child = service.createStateMachine(Json.object().put("name", "child").put("roleArn", "r")
                .put("definition", """
                        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"Next":"P"},
                         "P":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}"""))
                .get("stateMachineArn").asText();
        Execution e = run(service, """
                {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                  "Parameters":{"StateMachineArn":"%s","Input":{"n.$":"$.n"}},"OutputPath":"$.Output","End":true}}}"""
                .formatted(child), "{\"n\":21}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status(), () -> e.error() + ": " + e.cause());
        assertEquals(42, e.output().get("doubled").asInt());
        assertEquals(Duration.ofMinutes(10), Duration.between(e.startDate(), e.stopDate()));
    }

    @Test
    void withoutAnEndpointSdkTasksFailWithARuntimeError() throws TimeoutException, InterruptedException,
            Exception {
        Execution e = run(StepFunctionsService.builder(clock).build(), """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:eks:listClusters",
                  "Parameters":{},"End":true}}}""", "{}");
        assertEquals(ExecutionStatus.FAILED, e.status());
        assertEquals("States.Runtime", e.error());
    }
}
