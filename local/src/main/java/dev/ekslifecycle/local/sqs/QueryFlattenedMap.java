package dev.ekslifecycle.local.sqs;

import java.util.List;
import java.util.Optional;

/**
 * A map of SQS's model as the Query protocol flattens it, in requests and responses alike: each entry is an element
 * (or parameter prefix) named in the singular holding a key and a {@code Value}, such as {@code Attribute.1.Name} /
 * {@code Attribute.1.Value} or {@code <Tag><Key>..</Key><Value>..</Value></Tag>}.
 *
 * @param entryName the name of one entry in the Query protocol
 * @param jsonName the map's member name in the JSON protocol
 * @param keyName the name of an entry's key
 */
record QueryFlattenedMap(String entryName, String jsonName, String keyName) {

    static final QueryFlattenedMap TAGS = new QueryFlattenedMap("Tag", "Tags", "Key");
    private static final List<QueryFlattenedMap> ALL = List.of(
            new QueryFlattenedMap("Attribute", "Attributes", "Name"),
            TAGS,
            new QueryFlattenedMap("MessageAttribute", "MessageAttributes", "Name"),
            new QueryFlattenedMap("MessageSystemAttribute", "MessageSystemAttributes", "Name"));

    static Optional<QueryFlattenedMap> byEntryName(String name) {
        return ALL.stream().filter(m -> m.entryName.equals(name)).findFirst();
    }

    static Optional<QueryFlattenedMap> byJsonName(String name) {
        return ALL.stream().filter(m -> m.jsonName.equals(name)).findFirst();
    }
}
