package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages in SQS's JSON: a message attribute ({@code DataType}, {@code StringValue}, {@code BinaryValue} in
 * base64) read from SendMessage, and a message as ReceiveMessage returns it, with the system attributes and
 * message attributes the request named ({@code All}, a name, or a prefix ending in {@code .*}).
 */
final class MessageJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageJson() {
    }

    static MessageAttribute readAttribute(String name, JsonNode node) throws SqsException {
        String dataType = node.path("DataType").asText(null);
        String binary = node.path("BinaryValue").asText(null);
        try {
            return new MessageAttribute(dataType, node.path("StringValue").asText(null),
                    binary == null ? null : Base64.getDecoder().decode(binary));
        } catch (IllegalArgumentException e) {
            throw SqsException.invalidParameter("Message (user) attribute '" + name + "' has a BinaryValue that "
                    + "is not base64.");
        }
    }

    static ObjectNode render(QueueMessage m, List<String> systemNames, List<String> attributeNames) {
        ObjectNode out = JSON.createObjectNode()
                .put("MessageId", m.messageId())
                .put("ReceiptHandle", m.receiptHandle())
                .put("MD5OfBody", MessageDigests.ofBody(m.body()))
                .put("Body", m.body());
        Map<String, String> system = systemAttributes(m);
        boolean allSystem = systemNames.contains("All");
        ObjectNode attributes = JSON.createObjectNode();
        system.forEach((name, value) -> {
            if (allSystem || systemNames.contains(name)) {
                attributes.put(name, value);
            }
        });
        if (!attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        Map<String, MessageAttribute> selected = new LinkedHashMap<>();
        m.attributes().forEach((name, a) -> {
            if (selects(attributeNames, name)) {
                selected.put(name, a);
            }
        });
        if (!selected.isEmpty()) {
            out.put("MD5OfMessageAttributes", MessageDigests.ofAttributes(selected));
            ObjectNode map = out.putObject("MessageAttributes");
            selected.forEach((name, a) -> {
                ObjectNode value = map.putObject(name).put("DataType", a.dataType());
                if (a.binaryValue() != null) {
                    value.put("BinaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
                } else {
                    value.put("StringValue", a.stringValue());
                }
            });
        }
        return out;
    }

    private static Map<String, String> systemAttributes(QueueMessage m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("SenderId", m.senderId());
        out.put("SentTimestamp", Long.toString(m.sentAt()));
        out.put("ApproximateReceiveCount", Integer.toString(m.receiveCount()));
        out.put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceivedAt()));
        return out;
    }

    private static boolean selects(List<String> names, String name) {
        for (String n : names) {
            if (n.equals("All") || n.equals(".*") || n.equals(name)
                    || n.endsWith(".*") && name.startsWith(n.substring(0, n.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
