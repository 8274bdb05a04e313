package dev.ekslifecycle.local.sqs;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.clock.SimulationClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * The local SQS of one region: standard queues by name, their messages on the simulation clock (delays,
 * visibility timeouts, retention, long polls that wait on the clock, redrive to a dead-letter queue), saved to
 * {@code sqs-state.json} after every change when a data directory is given.
 */
public final class SqsQueues implements QueueSender {

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final long RECREATE_WAIT_MILLIS = 60_000;

    private final SimulationClock clock;
    private final String region;
    private final Optional<SqsStateFile> stateFile;
    private final Map<String, Queue> queues = new TreeMap<>();
    private final Map<String, Long> deletedAt = new HashMap<>();

    public SqsQueues(SimulationClock clock, String region, Optional<Path> dataDirectory) {
        this.clock = clock;
        this.region = region;
        this.stateFile = dataDirectory.map(SqsStateFile::new);
        stateFile.ifPresent(f -> f.load().forEach(saved -> {
            Queue queue = newQueue(saved.name(), saved.attributes(), saved.createdAt(), saved.modifiedAt());
            queue.restore(saved.messages());
            try {
                queue.tag(saved.tags());
            } catch (SqsException e) {
                throw new IllegalStateException("saved queue " + saved.name() + " has too many tags", e);
            }
            queues.put(saved.name(), queue);
        }));
    }

    /** A message as SendMessage reports it. */
    public record Sent(String messageId, String md5OfBody, String md5OfAttributes) {
    }

    // ---- queues

    /** Creates a queue, or returns the URL of the same queue created with the same attributes before. */
    public synchronized String createQueue(String name, Map<String, String> attributes, Map<String, String> tags)
            throws SqsException {
        if (name == null) {
            throw SqsException.missingParameter("QueueName");
        }
        if (name.endsWith(".fifo")) {
            throw SqsException.invalidParameter("FIFO queues are not emulated locally: " + name);
        }
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw SqsException.invalidParameter("Can only include alphanumeric characters, hyphens, or "
                    + "underscores. 1 to 80 in length");
        }
        Map<String, String> checked = QueueAttributes.withDefaults(attributes);
        MessageValidation.checkTags(tags);
        Queue existing = queues.get(name);
        if (existing != null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getValue().equals(existing.attribute(e.getKey()))) {
                    throw new SqsException("QueueNameExists", "QueueAlreadyExists", 400, "A queue already exists "
                            + "with the same name and a different value for attribute " + e.getKey());
                }
            }
            return existing.url;
        }
        long now = now();
        Long deleted = deletedAt.get(name);
        if (deleted != null && now - deleted < RECREATE_WAIT_MILLIS) {
            throw new SqsException("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400,
                    "You must wait 60 seconds after deleting a queue before you can create another queue with "
                            + "the same name.");
        }
        Queue queue = newQueue(name, checked, now, now);
        queue.tag(tags);
        queues.put(name, queue);
        save();
        return queue.url;
    }

    public synchronized String queueUrl(String name) throws SqsException {
        Queue queue = name == null ? null : queues.get(name);
        if (queue == null) {
            throw SqsException.queueDoesNotExist();
        }
        return queue.url;
    }

    public synchronized List<String> queueUrls(String prefix) {
        return queues.values().stream().filter(q -> prefix == null || q.name.startsWith(prefix))
                .map(q -> q.url).toList();
    }

    /** The named attributes ({@code All} for every one) as of now. */
    public Map<String, String> attributes(String queueUrl, List<String> names) throws SqsException {
        Map<String, String> all = queue(queueUrl).allAttributes(now());
        if (names.contains("All")) {
            return all;
        }
        Map<String, String> out = new TreeMap<>();
        for (String name : names) {
            if (!all.containsKey(name)) {
                throw new SqsException("InvalidAttributeName", "InvalidAttributeName", 400,
                        "Unknown Attribute " + name + ".");
            }
            out.put(name, all.get(name));
        }
        return out;
    }

    public void setAttributes(String queueUrl, Map<String, String> attributes) throws SqsException {
        Queue queue = queue(queueUrl);
        queue.setAttributes(QueueAttributes.checked(attributes), now());
        save();
    }

    public synchronized void deleteQueue(String queueUrl) throws SqsException {
        Queue queue = queue(queueUrl);
        queues.remove(queue.name);
        deletedAt.put(queue.name, now());
        save();
    }

    public void tag(String queueUrl, Map<String, String> tags) throws SqsException {
        Queue queue = queue(queueUrl);
        MessageValidation.checkTags(tags);
        queue.tag(tags);
        save();
    }

    public void untag(String queueUrl, List<String> keys) throws SqsException {
        queue(queueUrl).untag(keys);
        save();
    }

    public Map<String, String> tags(String queueUrl) throws SqsException {
        return queue(queueUrl).tags();
    }

    public void purge(String queueUrl) throws SqsException {
        queue(queueUrl).purge(now());
        save();
    }

    // ---- messages

    /**
     * Sends a message.
     *
     * @param delaySeconds the message's own delay, or null for the queue's
     */
    public Sent send(String queueUrl, String body, Map<String, MessageAttribute> attributes, Integer delaySeconds,
                     String senderId) throws SqsException {
        Queue queue = queue(queueUrl);
        MessageValidation.check(body, attributes, queue.number(QueueAttributes.MAXIMUM_SIZE));
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 900)) {
            throw SqsException.invalidParameter("Value " + delaySeconds + " for parameter DelaySeconds is invalid. "
                    + "Reason: DelaySeconds must be >= 0 and <= 900.");
        }
        long delay = delaySeconds != null ? delaySeconds : queue.number(QueueAttributes.DELAY);
        long now = now();
        QueueMessage message = new QueueMessage(UUID.randomUUID().toString(), body, attributes, senderId, now,
                now + delay * 1000, 0, 0, null);
        queue.send(message);
        save();
        return new Sent(message.messageId(), MessageDigests.ofBody(body),
                attributes.isEmpty() ? null : MessageDigests.ofAttributes(attributes));
    }

    @Override
    public void send(String queueArn, String body, Map<String, MessageAttribute> attributes) throws SqsException {
        send(queueArn, body, attributes, null, LocalAccount.ACCOUNT_ID);
    }

    /**
     * Receives up to {@code max} messages. With a wait time and no message available, waits on the simulation
     * clock until one is sent or becomes visible, or the wait time has passed; the caller's busy section is left
     * meanwhile, so a virtual clock can move.
     *
     * @param visibilitySeconds the visibility timeout for these messages, or null for the queue's
     * @param waitSeconds the long-poll wait, or null for the queue's {@code ReceiveMessageWaitTimeSeconds}
     */
    public List<QueueMessage> receive(String queueUrl, int max, Integer visibilitySeconds, Integer waitSeconds)
            throws SqsException {
        if (max < 1 || max > 10) {
            throw SqsException.invalidParameter("Value " + max + " for parameter MaxNumberOfMessages is invalid. "
                    + "Reason: Must be between 1 and 10, if provided.");
        }
        if (visibilitySeconds != null && (visibilitySeconds < 0 || visibilitySeconds > 43_200)) {
            throw SqsException.invalidParameter("Value " + visibilitySeconds + " for parameter VisibilityTimeout "
                    + "is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
        }
        if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > 20)) {
            throw SqsException.invalidParameter("Value " + waitSeconds + " for parameter WaitTimeSeconds is "
                    + "invalid. Reason: Must be >= 0 and <= 20, if provided.");
        }
        Queue queue = queue(queueUrl);
        long visibility = (visibilitySeconds != null ? visibilitySeconds
                : queue.number(QueueAttributes.VISIBILITY_TIMEOUT)) * 1000;
        long deadline = now() + (waitSeconds != null ? waitSeconds : queue.number(QueueAttributes.WAIT_TIME)) * 1000;
        while (true) {
            CountDownLatch sent = queue.await();
            try {
                List<QueueMessage> got = receiveNow(queue, max, visibility);
                long now = now();
                if (!got.isEmpty() || now >= deadline) {
                    return got;
                }
                long wakeAt = Math.min(deadline, queue.nextVisibleAt(now));
                SimulationClock.Timer timer = clock.schedule(java.time.Instant.ofEpochMilli(wakeAt), sent::countDown);
                clock.awaitOutsideBusy(() -> {
                    try {
                        sent.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                timer.cancel();
                if (Thread.currentThread().isInterrupted()) {
                    return List.of();
                }
            } finally {
                queue.stopAwaiting(sent);
            }
        }
    }

    private List<QueueMessage> receiveNow(Queue queue, int max, long visibilityMillis) throws SqsException {
        String policy = queue.attribute(QueueAttributes.REDRIVE_POLICY);
        QueueAttributes.RedrivePolicy redrive = policy == null ? null : QueueAttributes.redrivePolicy(policy);
        Queue.Received received = queue.receive(now(), max, visibilityMillis,
                redrive == null ? 0 : redrive.maxReceiveCount(), id -> handle(queue.name, id));
        if (!received.deadLettered().isEmpty()) {
            Queue deadLetter = queue(redrive.deadLetterTargetArn());
            received.deadLettered().forEach(deadLetter::send);
        }
        if (!received.messages().isEmpty() || !received.deadLettered().isEmpty()) {
            save();
        }
        return received.messages();
    }

    public void delete(String queueUrl, String receiptHandle) throws SqsException {
        Queue queue = queue(queueUrl);
        queue.delete(messageId(queue, receiptHandle), receiptHandle);
        save();
    }

    public void changeVisibility(String queueUrl, String receiptHandle, int visibilitySeconds)
            throws SqsException {
        if (visibilitySeconds < 0 || visibilitySeconds > 43_200) {
            throw SqsException.invalidParameter("Value " + visibilitySeconds + " for parameter VisibilityTimeout "
                    + "is invalid. Reason: Must be >= 0 and <= 43200.");
        }
        Queue queue = queue(queueUrl);
        queue.changeVisibility(messageId(queue, receiptHandle), receiptHandle, now(), visibilitySeconds * 1000L);
        save();
    }

    // ---- names

    /**
     * The queue a URL ({@code https://<any host>/<account>/<name>}, as every SQS endpoint form ends) or an ARN
     * names.
     */
    private synchronized Queue queue(String reference) throws SqsException {
        if (reference == null || reference.isEmpty()) {
            throw SqsException.missingParameter("QueueUrl");
        }
        String name = reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf(':') + 1)
                : reference.substring(reference.lastIndexOf('/') + 1);
        Queue queue = queues.get(name);
        if (queue == null || !reference.startsWith("arn:") && !reference.endsWith("/" + LocalAccount.ACCOUNT_ID
                + "/" + name)) {
            throw SqsException.queueDoesNotExist();
        }
        return queue;
    }

    private Queue newQueue(String name, Map<String, String> attributes, long createdAt, long modifiedAt) {
        return new Queue(name, "arn:aws:sqs:" + region + ":" + LocalAccount.ACCOUNT_ID + ":" + name,
                "https://sqs." + region + ".amazonaws.com/" + LocalAccount.ACCOUNT_ID + "/" + name,
                attributes, createdAt, modifiedAt);
    }

    /** A receipt handle names its queue and message and is new for every receive. */
    private static String handle(String queueName, String messageId) {
        String text = queueName + "\n" + messageId + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String messageId(Queue queue, String receiptHandle) throws SqsException {
        if (receiptHandle == null || receiptHandle.isEmpty()) {
            throw SqsException.missingParameter("ReceiptHandle");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(receiptHandle), StandardCharsets.UTF_8)
                    .split("\n");
            if (parts.length == 3 && parts[0].equals(queue.name)) {
                return parts[1];
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below like any other handle this queue never gave out
        }
        throw SqsException.receiptHandleInvalid(receiptHandle);
    }

    private long now() {
        return clock.millis();
    }

    private void save() {
        stateFile.ifPresent(f -> {
            List<SqsStateFile.SavedQueue> saved = new ArrayList<>();
            synchronized (this) {
                queues.values().forEach(q -> saved.add(new SqsStateFile.SavedQueue(q.name, q.settableAttributes(),
                        q.tags(), q.createdAtMillis(), q.modifiedAtMillis(), q.messages())));
            }
            synchronized (f) {
                f.save(saved);
            }
        });
    }
}
