package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.cloud.template.StackIdentity;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The resource types the local cloud knows: those it deploys onto a local service, and the named allow-list of
 * those it accepts without local behaviour (IAM, queue policies, SNS, logs, alarms...). For each: the property that names the
 * resource, how long a name may be, and what {@code Ref} and {@code Fn::GetAtt} give. Any other type stops
 * start-up (see docs/local-cloud.md).
 */
enum ResourceType {
    TABLE("AWS::DynamoDB::Table", "TableName", 255,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("dynamodb", "table/" + name),
                    "StreamArn", s.arn("dynamodb", "table/" + name + "/stream/local"))),
    FUNCTION("AWS::Serverless::Function", "FunctionName", 64,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("lambda", "function:" + name))),
    STATE_MACHINE("AWS::Serverless::StateMachine", "Name", 80,
            (name, s) -> s.arn("states", "stateMachine:" + name),
            (name, s) -> Map.of("Arn", s.arn("states", "stateMachine:" + name), "Name", name)),
    PLAIN_STATE_MACHINE("AWS::StepFunctions::StateMachine", "StateMachineName", 80,
            (name, s) -> s.arn("states", "stateMachine:" + name),
            (name, s) -> Map.of("Arn", s.arn("states", "stateMachine:" + name), "Name", name)),
    EVENT_BUS("AWS::Events::EventBus", "Name", 256,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("events", "event-bus/" + name), "Name", name)),
    RULE("AWS::Events::Rule", "Name", 64,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("events", "rule/" + name))),
    QUEUE("AWS::SQS::Queue", "QueueName", 80,
            (name, s) -> "https://sqs." + s.region() + ".amazonaws.com/" + s.accountId() + "/" + name,
            (name, s) -> Map.of("Arn", s.arn("sqs", name), "QueueName", name,
                    "QueueUrl", "https://sqs." + s.region() + ".amazonaws.com/" + s.accountId() + "/" + name)),
    API("AWS::Serverless::Api", null, 10,
            (name, s) -> name,
            (name, s) -> Map.of("RootResourceId", "root" + name)),

    // the allow-list: accepted without local behaviour
    IAM_ROLE("AWS::IAM::Role", "RoleName", 64,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.globalArn("iam", "role/" + name), "RoleId", "AROA" + name)),
    IAM_POLICY("AWS::IAM::Policy", "PolicyName", 128, (name, s) -> name, (name, s) -> Map.of()),
    IAM_MANAGED_POLICY("AWS::IAM::ManagedPolicy", "ManagedPolicyName", 128,
            (name, s) -> s.globalArn("iam", "policy/" + name), (name, s) -> Map.of()),
    QUEUE_POLICY("AWS::SQS::QueuePolicy", null, 64, (name, s) -> name, (name, s) -> Map.of()),
    TOPIC("AWS::SNS::Topic", "TopicName", 256,
            (name, s) -> s.arn("sns", name),
            (name, s) -> Map.of("TopicArn", s.arn("sns", name), "TopicName", name)),
    TOPIC_POLICY("AWS::SNS::TopicPolicy", null, 64, (name, s) -> name, (name, s) -> Map.of()),
    SUBSCRIPTION("AWS::SNS::Subscription", null, 64,
            (name, s) -> s.arn("sns", name), (name, s) -> Map.of()),
    LOG_GROUP("AWS::Logs::LogGroup", "LogGroupName", 512,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("logs", "log-group:" + name + ":*"))),
    ALARM("AWS::CloudWatch::Alarm", "AlarmName", 255,
            (name, s) -> name,
            (name, s) -> Map.of("Arn", s.arn("cloudwatch", "alarm:" + name))),
    DASHBOARD("AWS::CloudWatch::Dashboard", "DashboardName", 255, (name, s) -> name, (name, s) -> Map.of()),
    LAMBDA_PERMISSION("AWS::Lambda::Permission", null, 64, (name, s) -> name, (name, s) -> Map.of());

    final String cloudFormationType;
    /** The property that names the resource; without it the name is {@code <stack>-<LogicalId>}. */
    final String nameProperty;
    final int maxNameLength;
    private final BiFunction<String, StackIdentity, Object> ref;
    private final BiFunction<String, StackIdentity, Map<String, Object>> attributes;

    ResourceType(String cloudFormationType, String nameProperty, int maxNameLength,
                 BiFunction<String, StackIdentity, Object> ref,
                 BiFunction<String, StackIdentity, Map<String, Object>> attributes) {
        this.cloudFormationType = cloudFormationType;
        this.nameProperty = nameProperty;
        this.maxNameLength = maxNameLength;
        this.ref = ref;
        this.attributes = attributes;
    }

    static Optional<ResourceType> of(String cloudFormationType) {
        return Arrays.stream(values()).filter(t -> t.cloudFormationType.equals(cloudFormationType)).findFirst();
    }

    Object ref(String physicalName, StackIdentity stack) {
        return ref.apply(physicalName, stack);
    }

    Map<String, Object> attributes(String physicalName, StackIdentity stack) {
        return attributes.apply(physicalName, stack);
    }
}
