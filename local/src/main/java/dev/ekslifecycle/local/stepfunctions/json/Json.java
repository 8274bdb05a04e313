package dev.ekslifecycle.local.stepfunctions.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;

/**
 * JSON as the executor handles it. Every {@link JsonNode} that flows between states is treated as immutable: a
 * state that changes a document (ResultPath, Assign) builds a new one, so histories and branches can share nodes
 * without copying them.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final CompactNodeFactory COMPACT = new CompactNodeFactory();
    public static final JsonNodeFactory NODES = COMPACT;

    static {
        MAPPER.setNodeFactory(NODES);
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).build());
    }

    private Json() {
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An empty object with room for {@code fields} fields, for builders that know how many they add. */
    public static ObjectNode object(int fields) {
        return COMPACT.objectNode(fields);
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A new array of these elements, in their order. */
    public static ArrayNode arrayOf(JsonNode[] elements) {
        ArrayNode out = array();
        for (JsonNode e : elements) {
            out.add(e);
        }
        return out;
    }

    /** The node the parser makes for this integer (an int node when it fits), so results equal parsed documents. */
    public static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** A new object with the same fields: the one level a copy-on-write change needs. */
    public static ObjectNode shallowCopy(ObjectNode node) {
        // room for the one field a copy-on-write change usually adds
        ObjectNode copy = object(node.size() + 1);
        copy.setAll(node);
        return copy;
    }

    /** A new array with the same elements. */
    public static ArrayNode shallowCopy(ArrayNode node) {
        ArrayNode copy = NODES.arrayNode(node.size());
        copy.addAll(node);
        return copy;
    }

    /**
     * True when the serialized form of {@code node} is longer than {@code limitBytes}. Walks the tree and stops as
     * soon as the limit is passed, which is far cheaper than writing the document for every state.
     */
    public static boolean exceeds(JsonNode node, long limitBytes) {
        // a cheap upper bound first (every character as six bytes, as if escaped); count exactly only near the limit
        return new SizeCounter(limitBytes, true).add(node) && new SizeCounter(limitBytes, false).add(node);
    }

    private static final class SizeCounter {
        private final long limit;
        private final boolean bound;
        private long total;
        /** Counts one field; visiting fields this way allocates no entry per field. Past the limit it stops. */
        private final BiConsumer<String, JsonNode> field;

        SizeCounter(long limit, boolean bound) {
            this.limit = limit;
            this.bound = bound;
            this.field = (name, value) -> {
                if (total <= this.limit) {
                    total += length(name) + 3;
                    add(value);
                }
            };
        }

        boolean add(JsonNode node) {
            switch (node.getNodeType()) {
                case OBJECT -> {
                    // braces, and a comma between fields
                    total += node.isEmpty() ? 2 : 1 + node.size();
                    ((ObjectNode) node).forEachEntry(field);
                }
                case ARRAY -> {
                    int n = node.size();
                    total += n == 0 ? 2 : 1 + n;
                    for (int i = 0; i < n; i++) {
                        if (add(node.get(i))) {
                            return true;
                        }
                    }
                }
                case STRING -> total += length(node.textValue()) + 2;
                // integers are counted without formatting them
                case NUMBER -> total += node.canConvertToLong() && node.isIntegralNumber()
                        ? digits(node.longValue()) : node.asText().length();
                default -> total += node.asText().length();
            }
            return total > limit;
        }

        private static int digits(long value) {
            if (value == Long.MIN_VALUE) {
                return 20;
            }
            int n = value < 0 ? 2 : 1;
            for (long v = Math.abs(value); v >= 10; v /= 10) {
                n++;
            }
            return n;
        }

        private long length(String s) {
            return bound ? 6L * s.length() : utf8Length(s);
        }

        private static long utf8Length(String s) {
            long n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                n += c < 0x80 ? (c == '"' || c == '\\' || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }
    }
}
