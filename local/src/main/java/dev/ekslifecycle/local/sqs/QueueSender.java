package dev.ekslifecycle.local.sqs;

import java.util.Map;

/**
 * How other services put a message on a queue, as Lambda (dead-letter queues, failure destinations) and EventBridge
 * (target dead-letter queues) do on AWS: by the queue's ARN.
 */
@FunctionalInterface
public interface QueueSender {

    /**
     * Sends {@code body} with {@code attributes} to the queue {@code queueArn} names.
     *
     * @throws SqsException when the queue does not exist or the message is not valid for it
     */
    void send(String queueArn, String body, Map<String, MessageAttribute> attributes) throws SqsException;

    /** A sender for a cloud without SQS: every send fails as for a missing queue. */
    static QueueSender none() {
        return (arn, body, attributes) -> {
            throw SqsException.queueDoesNotExist();
        };
    }
}
