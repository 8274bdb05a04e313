package dev.ekslifecycle.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Every service on the one edge port through its own SDK client, and the wiring between them: EventBridge rules
 * start Step Functions executions, whose Lambda tasks run the edge's functions.
 */
class EdgeWiringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EdgeFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new EdgeFixture(1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyServiceAnswersOnTheEdgePort() {
        assertEquals(List.of("control", "compute-faults", "eks-control", "kubernetes", "lambda", "events", "dynamodb", "states",
                "sqs", "eks", "autoscaling", "ec2"), fixture.edge.services());
        try (DynamoDbClient dynamo = fixture.client(DynamoDbClient.builder());
             EksClient eks = fixture.client(EksClient.builder());
             Ec2Client ec2 = fixture.client(Ec2Client.builder());
             AutoScalingClient autoScaling = fixture.client(AutoScalingClient.builder());
             SqsClient sqs = fixture.client(SqsClient.builder())) {
            dynamo.createTable(t -> t.tableName("state").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            assertEquals(List.of("state"), dynamo.listTables().tableNames());
            assertEquals(List.of(), eks.listClusters(r -> { }).clusters());
            assertTrue(ec2.describeSubnets().subnets().size() >= 6);
            assertEquals(List.of(), autoScaling.describeAutoScalingGroups().autoScalingGroups());
            assertEquals(List.of(sqs.createQueue(q -> q.queueName("dlq")).queueUrl()), sqs.listQueues().queueUrls());
        }
    }

    @Test
    void serviceIntegrationTasksCallTheEdgeItself() throws Exception {
        try (SfnClient sfn = fixture.client(SfnClient.builder());
             DynamoDbClient dynamo = fixture.client(DynamoDbClient.builder())) {
            dynamo.createTable(t -> t.tableName("state").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            String machine = sfn.createStateMachine(c -> c.name("record").roleArn("arn:aws:iam::000000000000:role/sfn")
                    .definition("{\"StartAt\":\"Save\",\"States\":{"
                            + "\"Save\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\","
                            + "\"Parameters\":{\"TableName\":\"state\",\"Item\":{\"pk\":{\"S.$\":\"$.cluster\"}}},"
                            + "\"ResultPath\":null,\"Next\":\"Announce\"},"
                            + "\"Announce\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
                            + "\"Parameters\":{\"Entries\":[{\"Source\":\"lifecycle.workflow\",\"DetailType\":\"Saved\","
                            + "\"Detail\":{\"cluster.$\":\"$.cluster\"}}]},\"End\":true}}}")).stateMachineArn();

            String execution = sfn.startExecution(s -> s.stateMachineArn(machine).input("{\"cluster\":\"prod\"}"))
                    .executionArn();
            fixture.clock.awaitQuiescence(Duration.ofSeconds(10));

            assertEquals(ExecutionStatus.SUCCEEDED, sfn.describeExecution(d -> d.executionArn(execution)).status());
            assertTrue(dynamo.getItem(g -> g.tableName("state").key(Map.of("pk",
                    AttributeValue.fromS("prod")))).hasItem());
            var announced = fixture.edge.events().log().events(e -> e.source().equals("lifecycle.workflow"));
            assertEquals("prod", announced.get(0).event().at("/detail/cluster").asText());
        }
    }

    @Test
    void aRuleStartsAStateMachineWhoseLambdaTaskRunsAnEdgeFunction() throws Exception {
        fixture.edge.functions().register("plan", payload -> ("{\"planned\":"
                + new String(payload, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8));
        try (SfnClient sfn = fixture.client(SfnClient.builder()); EventBridgeClient events = fixture.client(EventBridgeClient.builder())) {
            String machine = sfn.createStateMachine(c -> c.name("upgrade").roleArn(
                    "arn:aws:iam::000000000000:role/sfn").definition("{\"StartAt\":\"Plan\",\"States\":{\"Plan\":{"
                    + "\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:plan\","
                    + "\"End\":true}}}")).stateMachineArn();
            events.putRule(r -> r.name("upgrade-requested").eventPattern("{\"source\":[\"lifecycle.api\"]}"));
            events.putTargets(t -> t.rule("upgrade-requested").targets(x -> x.id("sfn").arn(machine)
                    .roleArn("arn:aws:iam::000000000000:role/events").inputPath("$.detail")));

            events.putEvents(p -> p.entries(PutEventsRequestEntry.builder().source("lifecycle.api")
                    .detailType("Upgrade Requested").detail("{\"cluster\":\"prod\"}").build()));
            fixture.clock.awaitQuiescence(Duration.ofSeconds(10));

            var executions = sfn.listExecutions(l -> l.stateMachineArn(machine)).executions();
            assertEquals(1, executions.size());
            var execution = sfn.describeExecution(d -> d.executionArn(executions.get(0).executionArn()));
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
            JsonNode output = JSON.readTree(execution.output());
            assertEquals("prod", output.at("/planned/cluster").asText());
            assertTrue(fixture.edge.events().log().deliveries().get(0).delivered());
        }
    }
}
