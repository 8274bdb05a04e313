package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.query.XmlWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an SQS operation's JSON-shaped output as the Query protocol's XML document:
 * {@code <OpResponse><OpResult>..</OpResult><ResponseMetadata>..</ResponseMetadata></OpResponse>} in SQS's
 * namespace, lists flattened into repeated elements named by their item ({@code <QueueUrl>}, {@code <Message>}),
 * maps into repeated entries ({@code <Attribute><Name>..</Name><Value>..</Value></Attribute>}), and errors as
 * {@code <ErrorResponse>}.
 */
final class QueryOutput {

    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    /** The operations whose model has no output: their response carries no result element. */
    private static final Set<String> NO_RESULT = Set.of("ChangeMessageVisibility", "DeleteMessage", "DeleteQueue",
            "PurgeQueue", "SetQueueAttributes", "TagQueue", "UntagQueue");
    /** List members to the element name of one item; a batch's {@code Successful} items are named per operation. */
    private static final Map<String, String> LIST_ITEMS = Map.of("QueueUrls", "QueueUrl", "Messages", "Message",
            "Failed", "BatchResultErrorEntry");

    private QueryOutput() {
    }

    static String document(String operation, ObjectNode output, String requestId) {
        XmlWriter xml = XmlWriter.root(operation + "Response", NAMESPACE);
        if (!NO_RESULT.contains(operation)) {
            xml.open(operation + "Result");
            members(xml, operation, output);
            xml.close();
        }
        return xml.open("ResponseMetadata").element("RequestId", requestId).close().finish();
    }

    static String error(SqsException e, String requestId) {
        return XmlWriter.root("ErrorResponse", NAMESPACE).open("Error").element("Type", e.fault())
                .element("Code", e.queryCode()).element("Message", MessageValidation.xmlSafe(e.getMessage())).open("Detail").close().close()
                .element("RequestId", requestId).finish();
    }

    private static void members(XmlWriter xml, String operation, JsonNode node) {
        for (var it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Optional<QueryFlattenedMap> map = QueryFlattenedMap.byJsonName(name);
            if (value.isArray()) {
                String item = name.equals("Successful") ? operation + "ResultEntry"
                        : LIST_ITEMS.getOrDefault(name, name);
                value.forEach(v -> element(xml, operation, item, v));
            } else if (value.isObject() && map.isPresent()) {
                for (var entries = value.fields(); entries.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    xml.open(map.get().entryName()).element(map.get().keyName(),
                            MessageValidation.xmlSafe(entry.getKey()));
                    element(xml, operation, "Value", entry.getValue());
                    xml.close();
                }
            } else {
                element(xml, operation, name, value);
            }
        }
    }

    private static void element(XmlWriter xml, String operation, String name, JsonNode value) {
        if (value.isObject()) {
            xml.open(name);
            members(xml, operation, value);
            xml.close();
        } else {
            // what SQS keeps is held to the characters XML can hold; an error message repeating a refused value
            // (a batch entry's) may not be, and one bad character would leave the whole answer unreadable
            xml.element(name, MessageValidation.xmlSafe(value.asText()));
        }
    }
}
