package dev.ekslifecycle.local.sqs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * One standard queue: its attributes, its tags and its messages in the order they were sent. Every method takes the
 * simulation clock's time in epoch milliseconds; messages past the retention period are dropped as time passes
 * them. Long polls waiting for a message register a latch that the next send releases.
 */
final class Queue {

    private static final long PURGE_INTERVAL_MILLIS = 60_000;
    private static final int MAX_TAGS = 50;

    final String name;
    final String arn;
    final String url;
    private final long createdAt;
    private long modifiedAt;
    private final Map<String, String> attributes;
    private final Map<String, QueueMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> tags = new java.util.TreeMap<>();
    private final Set<CountDownLatch> waiters = ConcurrentHashMap.newKeySet();
    private long lastPurge = Long.MIN_VALUE;

    Queue(String name, String arn, String url, Map<String, String> attributes, long createdAt, long modifiedAt) {
        this.name = name;
        this.arn = arn;
        this.url = url;
        this.attributes = new LinkedHashMap<>(attributes);
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
    }

    long createdAtMillis() {
        return createdAt;
    }

    synchronized long modifiedAtMillis() {
        return modifiedAt;
    }

    /** The messages as they are, for saving. */
    synchronized List<QueueMessage> messages() {
        return List.copyOf(messages.values());
    }

    synchronized void restore(List<QueueMessage> saved) {
        saved.forEach(m -> messages.put(m.messageId(), m));
    }

    synchronized Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    /** Adds or replaces tags; a queue has at most 50. */
    synchronized void tag(Map<String, String> more) throws SqsException {
        Map<String, String> next = new java.util.TreeMap<>(tags);
        next.putAll(more);
        if (next.size() > MAX_TAGS) {
            throw SqsException.invalidParameter("Too many tags added for queue " + name + ": a queue has at most "
                    + MAX_TAGS + " tags.");
        }
        tags.clear();
        tags.putAll(next);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized Map<String, String> settableAttributes() {
        return Map.copyOf(attributes);
    }

    synchronized long number(String attribute) {
        return Long.parseLong(attributes.get(attribute));
    }

    synchronized String attribute(String name) {
        return attributes.get(name);
    }

    synchronized void setAttributes(Map<String, String> changes, long now) {
        attributes.putAll(changes);
        modifiedAt = now;
    }

    /** Every attribute GetQueueAttributes can return, the counts as of {@code now}. */
    synchronized Map<String, String> allAttributes(long now) {
        expire(now);
        Map<String, String> out = new LinkedHashMap<>(attributes);
        out.put("QueueArn", arn);
        out.put("ApproximateNumberOfMessages", Long.toString(
                messages.values().stream().filter(m -> m.visibleAt() <= now).count()));
        out.put("ApproximateNumberOfMessagesNotVisible", Long.toString(
                messages.values().stream().filter(m -> m.inFlight(now)).count()));
        out.put("ApproximateNumberOfMessagesDelayed", Long.toString(
                messages.values().stream().filter(m -> m.delayed(now)).count()));
        out.put("CreatedTimestamp", Long.toString(createdAt / 1000));
        out.put("LastModifiedTimestamp", Long.toString(modifiedAt / 1000));
        return out;
    }

    synchronized void send(QueueMessage message) {
        messages.put(message.messageId(), message);
        waiters.forEach(CountDownLatch::countDown);
    }

    /** What one receive took: the messages for the caller and those its redrive policy moves elsewhere. */
    record Received(List<QueueMessage> messages, List<QueueMessage> deadLettered) {
    }

    /**
     * Takes up to {@code max} visible messages, oldest first, hiding each until {@code now + visibilityMillis}
     * with a new receipt handle made from its id by {@code handles}; a message already received {@code maxReceiveCount} times (0: no redrive) is
     * removed and returned as dead-lettered instead.
     */
    synchronized Received receive(long now, int max, long visibilityMillis, int maxReceiveCount,
                                  Function<String, String> handles) {
        expire(now);
        List<QueueMessage> taken = new ArrayList<>();
        List<QueueMessage> deadLettered = new ArrayList<>();
        Iterator<Map.Entry<String, QueueMessage>> it = messages.entrySet().iterator();
        while (it.hasNext() && taken.size() < max) {
            Map.Entry<String, QueueMessage> entry = it.next();
            QueueMessage m = entry.getValue();
            if (m.visibleAt() > now) {
                continue;
            }
            if (maxReceiveCount > 0 && m.receiveCount() >= maxReceiveCount) {
                it.remove();
                deadLettered.add(m.redriven(now));
                continue;
            }
            QueueMessage received = m.received(now, now + visibilityMillis, handles.apply(m.messageId()));
            entry.setValue(received);
            taken.add(received);
        }
        return new Received(taken, deadLettered);
    }

    /** Deletes the message if {@code handle} is its latest receipt; a stale handle deletes nothing, as on SQS. */
    synchronized void delete(String messageId, String handle) {
        QueueMessage m = messages.get(messageId);
        if (m != null && handle.equals(m.receiptHandle())) {
            messages.remove(messageId);
        }
    }

    synchronized void changeVisibility(String messageId, String handle, long now, long visibilityMillis)
            throws SqsException {
        QueueMessage m = messages.get(messageId);
        if (m == null || !handle.equals(m.receiptHandle()) || !m.inFlight(now)) {
            throw new SqsException("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400,
                    "Message does not exist or is not available for visibility timeout change.");
        }
        messages.put(messageId, m.visibleAt(now + visibilityMillis));
    }

    synchronized void purge(long now) throws SqsException {
        if (lastPurge != Long.MIN_VALUE && now - lastPurge < PURGE_INTERVAL_MILLIS) {
            throw new SqsException("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403,
                    "Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.");
        }
        lastPurge = now;
        messages.clear();
    }

    /** When the next hidden message becomes visible, or {@link Long#MAX_VALUE}. */
    synchronized long nextVisibleAt(long now) {
        return messages.values().stream().mapToLong(QueueMessage::visibleAt).filter(t -> t > now).min()
                .orElse(Long.MAX_VALUE);
    }

    /** Registers a long poll; {@link #send} releases it. */
    CountDownLatch await() {
        CountDownLatch latch = new CountDownLatch(1);
        waiters.add(latch);
        return latch;
    }

    void stopAwaiting(CountDownLatch latch) {
        waiters.remove(latch);
    }

    private void expire(long now) {
        long retentionMillis = Long.parseLong(attributes.get(QueueAttributes.RETENTION)) * 1000;
        messages.values().removeIf(m -> m.sentAt() + retentionMillis <= now);
    }
}
