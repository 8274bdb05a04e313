package dev.ekslifecycle.local.sqs;

import java.util.Map;

/**
 * A message in a queue, times in epoch milliseconds of the simulation clock (so the record is saved as it is).
 * {@code visibleAt} is when it can next be received (after a delay or a visibility timeout); {@code receiptHandle}
 * is the handle of its latest receipt, the only one that deletes it or changes its visibility; 0 for
 * {@code firstReceivedAt} means never received.
 */
public record QueueMessage(String messageId, String body, Map<String, MessageAttribute> attributes, String senderId,
                    long sentAt, long visibleAt, int receiveCount, long firstReceivedAt, String receiptHandle) {

    public QueueMessage {
        attributes = Map.copyOf(attributes);
    }

    boolean inFlight(long now) {
        return receiptHandle != null && visibleAt > now;
    }

    boolean delayed(long now) {
        return receiptHandle == null && visibleAt > now;
    }

    QueueMessage received(long now, long until, String handle) {
        return new QueueMessage(messageId, body, attributes, senderId, sentAt, until, receiveCount + 1,
                firstReceivedAt == 0 ? now : firstReceivedAt, handle);
    }

    QueueMessage visibleAt(long at) {
        return new QueueMessage(messageId, body, attributes, senderId, sentAt, at, receiveCount, firstReceivedAt,
                receiptHandle);
    }

    /** The message as a redrive policy moves it to a dead-letter queue: available at once, not received there. */
    QueueMessage redriven(long now) {
        return new QueueMessage(messageId, body, attributes, senderId, sentAt, now, 0, 0, null);
    }
}
