package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.http.CredentialScope;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local SQS's endpoint: SQS's operations as {@link SqsQueues} calls, on either wire SQS speaks — awsJson1_0
 * ({@link SqsJsonWire}, today's SDKs) or the older Query protocol ({@link SqsQueryWire}, Debian's AWS CLI v2.9.19),
 * chosen by the request. Both wires hand the operations the JSON protocol's input shape.
 */
public final class SqsEndpoint implements Endpoint {

    private static final int DEFAULT_PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private interface Operation {
        ObjectNode call(JsonNode request, Request http) throws SqsException;
    }

    private final SqsQueues queues;
    private final FaultGate faults;
    private final SqsWire json = new SqsJsonWire();
    private final SqsWire query = new SqsQueryWire();
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public SqsEndpoint(SqsQueues queues, FaultInjector faults) {
        this.queues = queues;
        this.faults = new FaultGate(faults, name());
        operations.put("CreateQueue", (r, h) -> url(queues.createQueue(text(r, "QueueName"), strings(r, "Attributes"),
                strings(r, "tags"))));
        operations.put("TagQueue", (r, h) -> {
            queues.tag(text(r, "QueueUrl"), strings(r, "Tags"));
            return empty();
        });
        operations.put("UntagQueue", (r, h) -> {
            queues.untag(text(r, "QueueUrl"), texts(r, "TagKeys"));
            return empty();
        });
        operations.put("ListQueueTags", (r, h) -> {
            ObjectNode out = JSON.createObjectNode();
            Map<String, String> tags = queues.tags(text(r, "QueueUrl"));
            if (!tags.isEmpty()) {
                ObjectNode map = out.putObject("Tags");
                tags.forEach(map::put);
            }
            return out;
        });
        operations.put("GetQueueUrl", (r, h) -> url(queues.queueUrl(text(r, "QueueName"))));
        operations.put("ListQueues", (r, h) -> listQueues(r));
        operations.put("GetQueueAttributes", (r, h) -> getAttributes(r));
        operations.put("SetQueueAttributes", (r, h) -> {
            queues.setAttributes(text(r, "QueueUrl"), strings(r, "Attributes"));
            return empty();
        });
        operations.put("DeleteQueue", (r, h) -> {
            queues.deleteQueue(text(r, "QueueUrl"));
            return empty();
        });
        operations.put("PurgeQueue", (r, h) -> {
            queues.purge(text(r, "QueueUrl"));
            return empty();
        });
        operations.put("SendMessage", this::sendMessage);
        operations.put("ReceiveMessage", (r, h) -> receiveMessage(r));
        operations.put("DeleteMessage", (r, h) -> {
            queues.delete(text(r, "QueueUrl"), text(r, "ReceiptHandle"));
            return empty();
        });
        operations.put("ChangeMessageVisibility", (r, h) -> {
            changeVisibility(text(r, "QueueUrl"), r);
            return empty();
        });
        operations.put("SendMessageBatch", (r, h) -> SqsBatches.run(r, (entry, result) ->
                sent(result, send(text(r, "QueueUrl"), entry, h))));
        operations.put("DeleteMessageBatch", (r, h) -> SqsBatches.run(r, (entry, result) ->
                queues.delete(text(r, "QueueUrl"), text(entry, "ReceiptHandle"))));
        operations.put("ChangeMessageVisibilityBatch", (r, h) -> SqsBatches.run(r, (entry, result) ->
                changeVisibility(text(r, "QueueUrl"), entry)));
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public boolean accepts(Request request) {
        return SqsJsonWire.operation(request).isPresent() || SqsQueryWire.accepts(request);
    }

    @Override
    public Response handle(Request request) {
        SqsWire wire = SqsJsonWire.operation(request).isPresent() ? json : query;
        String requestId = UUID.randomUUID().toString();
        try {
            SqsWire.Call call = wire.read(request);
            Operation operation = operations.get(call.operation());
            if (operation == null) {
                throw SqsException.unknownOperation(wire.unknownOperationCode(), call.operation());
            }
            String queue = call.input().path("QueueUrl").asText(call.input().path("QueueName").asText("*"));
            Optional<InjectedFault> fault = faults.check(call.operation(), queue.substring(queue.lastIndexOf('/') + 1));
            if (fault.isPresent()) {
                throw SqsException.injected(fault.get());
            }
            return wire.answer(call.operation(), operation.call(call.input(), request), requestId);
        } catch (SqsException e) {
            return wire.error(e, requestId);
        }
    }

    private ObjectNode listQueues(JsonNode r) throws SqsException {
        List<String> urls = queues.queueUrls(text(r, "QueueNamePrefix"));
        Integer max = integer(r, "MaxResults");
        if (max != null && (max < 1 || max > 1000)) {
            throw SqsException.invalidParameter("Value " + max + " for parameter MaxResults is invalid. Reason: "
                    + "MaxResults must be an integer between 1 and 1000.");
        }
        int from = 0;
        String token = text(r, "NextToken");
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw SqsException.invalidParameter("Invalid NextToken value.");
            }
        }
        int to = Math.min(urls.size(), from + (max == null ? DEFAULT_PAGE : max));
        ObjectNode out = JSON.createObjectNode();
        if (from < to) {
            ArrayNode list = out.putArray("QueueUrls");
            urls.subList(from, to).forEach(list::add);
        }
        if (max != null && to < urls.size()) {
            out.put("NextToken", Integer.toString(to));
        }
        return out;
    }

    private ObjectNode getAttributes(JsonNode r) throws SqsException {
        List<String> names = texts(r, "AttributeNames");
        Map<String, String> attributes = queues.attributes(text(r, "QueueUrl"), names.isEmpty() ? List.of() : names);
        ObjectNode out = JSON.createObjectNode();
        if (!attributes.isEmpty()) {
            ObjectNode map = out.putObject("Attributes");
            attributes.forEach(map::put);
        }
        return out;
    }

    private ObjectNode sendMessage(JsonNode r, Request http) throws SqsException {
        return sent(JSON.createObjectNode(), send(text(r, "QueueUrl"), r, http));
    }

    /** One message of SendMessage or of a SendMessageBatch entry. */
    private SqsQueues.Sent send(String queueUrl, JsonNode message, Request http) throws SqsException {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (var it = message.path("MessageAttributes").fields(); it.hasNext(); ) {
            var e = it.next();
            attributes.put(e.getKey(), MessageJson.readAttribute(e.getKey(), e.getValue()));
        }
        String sender = http.credentialScope().map(CredentialScope::accessKeyId).orElse(LocalAccount.ACCOUNT_ID);
        return queues.send(queueUrl, text(message, "MessageBody"), attributes, integer(message, "DelaySeconds"),
                sender);
    }

    private static ObjectNode sent(ObjectNode out, SqsQueues.Sent sent) {
        out.put("MessageId", sent.messageId()).put("MD5OfMessageBody", sent.md5OfBody());
        if (sent.md5OfAttributes() != null) {
            out.put("MD5OfMessageAttributes", sent.md5OfAttributes());
        }
        return out;
    }

    private void changeVisibility(String queueUrl, JsonNode r) throws SqsException {
        Integer timeout = integer(r, "VisibilityTimeout");
        if (timeout == null) {
            throw SqsException.missingParameter("VisibilityTimeout");
        }
        queues.changeVisibility(queueUrl, text(r, "ReceiptHandle"), timeout);
    }

    private ObjectNode receiveMessage(JsonNode r) throws SqsException {
        Integer max = integer(r, "MaxNumberOfMessages");
        List<QueueMessage> messages = queues.receive(text(r, "QueueUrl"), max == null ? 1 : max,
                integer(r, "VisibilityTimeout"), integer(r, "WaitTimeSeconds"));
        List<String> systemNames = new ArrayList<>(texts(r, "AttributeNames"));
        systemNames.addAll(texts(r, "MessageSystemAttributeNames"));
        List<String> attributeNames = texts(r, "MessageAttributeNames");
        ObjectNode out = JSON.createObjectNode();
        if (!messages.isEmpty()) {
            ArrayNode list = out.putArray("Messages");
            messages.forEach(m -> list.add(MessageJson.render(m, systemNames, attributeNames)));
        }
        return out;
    }

    // ---- request fields

    private static ObjectNode url(String url) {
        return JSON.createObjectNode().put("QueueUrl", url);
    }

    private static ObjectNode empty() {
        return JSON.createObjectNode();
    }

    private static String text(JsonNode r, String field) throws SqsException {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw SqsException.invalidParameter("Value for parameter " + field + " must be a string.");
        }
        return v.asText();
    }

    private static Integer integer(JsonNode r, String field) throws SqsException {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() && !v.asText().matches("-?\\d+")) {
            throw SqsException.invalidParameter("Value " + v + " for parameter " + field + " is invalid. Reason: "
                    + "must be an integer.");
        }
        return v.isIntegralNumber() ? v.asInt() : Integer.parseInt(v.asText());
    }

    private static List<String> texts(JsonNode r, String field) {
        List<String> out = new ArrayList<>();
        r.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Map<String, String> strings(JsonNode r, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        r.path(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
