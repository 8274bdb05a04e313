package dev.ekslifecycle.local.cloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.cloud.AwsJsonClient.AwsCallException;
import dev.ekslifecycle.local.cloud.AwsJsonClient.Service;
import java.util.Set;

/**
 * {@code AWS::SQS::Queue} → CreateQueue on the local SQS with the template's attributes and tags. A queue that
 * already exists (a restart on the same data directory) keeps its messages and gets the template's attributes and
 * tags, as a CloudFormation update would give it.
 */
final class QueueDeployer {

    private static final Set<String> ATTRIBUTES = Set.of("DelaySeconds", "MaximumMessageSize",
            "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy",
            "FifoQueue", "ContentBasedDeduplication", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
            "SqsManagedSseEnabled", "RedriveAllowPolicy");
    private static final Set<String> SUPPORTED = Set.of("QueueName", "DelaySeconds", "MaximumMessageSize",
            "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy",
            "FifoQueue", "ContentBasedDeduplication", "Tags");
    /** Properties with no local behaviour, accepted on purpose. */
    private static final Set<String> ACCEPTED = Set.of("KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
            "SqsManagedSseEnabled", "RedriveAllowPolicy");

    private final AwsJsonClient aws;

    QueueDeployer(AwsJsonClient aws) {
        this.aws = aws;
    }

    void deploy(String queueName, ResourceProperties p) {
        p.allowOnly(SUPPORTED, ACCEPTED);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        for (String name : ATTRIBUTES) {
            // RedrivePolicy and RedriveAllowPolicy are JSON objects in a template and JSON text in the API
            p.json(name).ifPresent(v -> attributes.put(name, v.isContainerNode() ? v.toString() : v.asText()));
        }
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        p.objects("Tags").forEach(t -> tags.put(t.requiredText("Key"), t.requiredText("Value")));
        ObjectNode create = JsonNodeFactory.instance.objectNode().put("QueueName", queueName);
        create.set("Attributes", attributes);
        create.set("tags", tags);
        try {
            aws.call(Service.SQS, "CreateQueue", create);
        } catch (AwsCallException e) {
            if (!e.code().equals("QueueNameExists")) {
                throw e;
            }
            String url = aws.call(Service.SQS, "GetQueueUrl", JsonNodeFactory.instance.objectNode()
                    .put("QueueName", queueName)).path("QueueUrl").asText();
            ObjectNode update = JsonNodeFactory.instance.objectNode().put("QueueUrl", url);
            update.set("Attributes", attributes);
            aws.call(Service.SQS, "SetQueueAttributes", update);
            ObjectNode tagging = JsonNodeFactory.instance.objectNode().put("QueueUrl", url);
            tagging.set("Tags", tags);
            aws.call(Service.SQS, "TagQueue", tagging);
        }
    }
}
