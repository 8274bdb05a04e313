package dev.ekslifecycle.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.apigateway.RestApi;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Templates without functions deployed onto a real edge, checked through EventBridge's API. */
class StackDeploymentTest {

    private static final StackIdentity STACK = StackIdentity.local("t");

    private SimulationClock clock;
    private LocalEdge edge;
    private EventBridgeClient events;

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
        edge = LocalEdge.start(0, clock, new FaultInjector(1), Optional.empty());
        events = EventBridgeClient.builder().endpointOverride(URI.create(edge.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        events.close();
        edge.close();
        clock.shutdown();
    }

    private RestApi deploy(String yaml, Map<String, String> parameters) {
        StackDeployment.Deployed deployed = StackDeployment.deploy(Template.parse(yaml), parameters, STACK,
                Path.of("."), edge);
        deployed.functions().close();
        return deployed.api();
    }

    private static final String RULES = """
            Parameters:
              Env: {Type: String, Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties: {Name: !Sub "${AWS::StackName}-lifecycle"}
              OnFailure:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  State: DISABLED
                  EventPattern: {source: [eks-lifecycle], detail-type: [OperationFailed]}
                  Targets:
                    - Id: machine
                      Arn: !Sub "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:x"
                      RoleArn: !GetAtt Role.Arn
                      InputPath: $.detail
              Nightly:
                Type: AWS::Events::Rule
                Condition: IsProd
                Properties: {ScheduleExpression: rate(1 day)}
              Role:
                Type: AWS::IAM::Role
                Properties: {AssumeRolePolicyDocument: {Statement: []}}
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties: {AlarmActions: !If [IsProd, [x], !Ref AWS::NoValue]}
            """;

    @Test
    void busesAndRulesGoOntoTheLocalEventBridgeAndFalseConditionsLeaveResourcesOut() {
        RestApi api = deploy(RULES, Map.of());
        List<Rule> rules = events.listRules(b -> b.eventBusName("t-lifecycle")).rules();
        assertEquals(List.of("t-OnFailure"), rules.stream().map(Rule::name).toList());
        assertEquals(RuleState.DISABLED, rules.get(0).state());
        assertEquals("{\"source\":[\"eks-lifecycle\"],\"detail-type\":[\"OperationFailed\"]}",
                rules.get(0).eventPattern());
        Target target = events.listTargetsByRule(b -> b.eventBusName("t-lifecycle").rule("t-OnFailure"))
                .targets().get(0);
        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:x", target.arn());
        assertEquals("arn:aws:iam::000000000000:role/t-Role", target.roleArn());
        assertEquals("$.detail", target.inputPath());
        assertTrue(events.listRules(b -> b.eventBusName("default")).rules().isEmpty(), "IsProd is false");
        assertTrue(api.routes().isEmpty());
    }

    @Test
    void aParameterOverrideTurnsAConditionOn() {
        deploy(RULES, Map.of("Env", "prod"));
        assertEquals(List.of("t-Nightly"), events.listRules(b -> b.eventBusName("default")).rules().stream()
                .map(Rule::name).toList());
    }

    @Test
    void deployingAgainIsARestart() {
        deploy(RULES, Map.of());
        deploy(RULES, Map.of());
        assertEquals(1, events.listRules(b -> b.eventBusName("t-lifecycle")).rules().size());
    }

    private static final String QUEUES = """
            Resources:
              DeadLetters:
                Type: AWS::SQS::Queue
                Properties: {MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true}
              Work:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${AWS::StackName}-work"
                  VisibilityTimeout: 60
                  Tags: [{Key: app, Value: !Ref AWS::StackName}]
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt DeadLetters.Arn, maxReceiveCount: 3}
              Policy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref DeadLetters]
                  PolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: events.amazonaws.com},
                    Action: sqs:SendMessage, Resource: !GetAtt DeadLetters.Arn}]}
            """;

    @Test
    void queuesGoOntoTheLocalSqsWithTheirAttributesAndSurviveARedeploy() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(edge.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            deploy(QUEUES, Map.of());
            String dlq = sqs.getQueueUrl(r -> r.queueName("t-DeadLetters")).queueUrl();
            String work = sqs.getQueueUrl(r -> r.queueName("t-work")).queueUrl();
            assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/t-DeadLetters", dlq);
            Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(work)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            assertEquals("60", attributes.get("VisibilityTimeout"));
            assertTrue(attributes.get("RedrivePolicy").contains("arn:aws:sqs:us-east-1:000000000000:t-DeadLetters"));
            sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("kept"));
            deploy(QUEUES.replace("VisibilityTimeout: 60", "VisibilityTimeout: 90"), Map.of());
            assertEquals("90", sqs.getQueueAttributes(r -> r.queueUrl(work)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings()
                    .get("VisibilityTimeout"));
            assertEquals("kept", sqs.receiveMessage(r -> r.queueUrl(dlq)).messages().get(0).body());
            assertEquals(Map.of("app", "t"), sqs.listQueueTags(r -> r.queueUrl(work)).tags());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 50000}}|Resources.R",
        "{Type: AWS::SQS::Queue, Properties: {FifoQueue: true}}|Resources.R",
        "{Type: AWS::EC2::VPC}|Resources.R.Type",
        "{Type: AWS::Events::Rule, Properties: {ScheduleExpression: rate(1 day), Tags: []}}|Resources.R.Properties.Tags",
        "{Type: AWS::Events::Rule, Properties: {Targets: [{Id: a, Arn: b, SqsParameters: {}}], ScheduleExpression: rate(1 day)}}|Resources.R.Properties.Targets[0].SqsParameters",
        "{Type: AWS::Events::Rule, Properties: {ScheduleExpression: rate(1 days)}}|Resources.R",
        "{Type: AWS::SQS::Queue, Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt Missing.Arn}}}|Resources.R.Properties.RedrivePolicy.deadLetterTargetArn.Fn::GetAtt",
        "{Type: AWS::Serverless::Api, Properties: {StageName: v1, Auth: {DefaultAuthorizer: MyCognito}}}|Resources.R.Properties.Auth.DefaultAuthorizer",
    })
    void whatCannotBeDeployedStopsWithItsPlace(String resource, String location) {
        TemplateException e = assertThrows(TemplateException.class,
                () -> deploy("Resources:\n  R: " + resource + "\n", Map.of()));
        assertEquals(location, e.location(), e.getMessage());
    }
}
