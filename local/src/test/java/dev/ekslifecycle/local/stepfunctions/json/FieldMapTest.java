package dev.ekslifecycle.local.stepfunctions.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** FieldMap behaves as the LinkedHashMap Jackson's objects normally hold, on both sides of its size limit. */
class FieldMapTest {

    /** One operation: 0 put, 1 remove, 2 remove through the iterator, 3 set through an entry, 4 clear. */
    private record Op(int kind, int key, int value) {
    }

    @Test
    void anySequenceOfChangesLeavesTheSameFieldsInTheSameOrderAsALinkedHashMap() {
        Gen<Op> op = SourceDSL.integers().between(0, 40).zip(SourceDSL.integers().between(0, 2 * FieldMap.LINEAR_LIMIT),
                SourceDSL.integers().between(0, 9), (k, key, value) -> new Op(k < 25 ? 0 : k < 32 ? 1 : k < 36 ? 2
                        : k < 40 ? 3 : 4, key, value));
        QuickTheory.qt().withFixedSeed(20261125L).withExamples(400)
                .forAll(SourceDSL.integers().between(0, 16), SourceDSL.lists().of(op).ofSizeBetween(0, 80))
                .checkAssert((expected, ops) -> {
                    FieldMap actual = new FieldMap(expected);
                    Map<String, JsonNode> reference = new LinkedHashMap<>();
                    for (Op o : ops) {
                        assertEquals(apply(o, reference), apply(o, actual), "what " + o + " returns");
                        assertSame(reference, actual);
                    }
                });
    }

    /** Applies the operation and returns what it returned (the value a put or remove replaced). */
    private static Object apply(Op o, Map<String, JsonNode> map) {
        String key = "k" + o.key;
        JsonNode value = Json.integer(o.value);
        switch (o.kind) {
            case 0 -> {
                return map.put(key, value);
            }
            case 1 -> {
                return map.remove(key);
            }
            case 2 -> {
                return map.entrySet().removeIf(e -> e.getKey().equals(key));
            }
            case 3 -> map.entrySet().forEach(e -> {
                if (e.getKey().equals(key)) {
                    e.setValue(value);
                }
            });
            default -> map.clear();
        }
        return null;
    }

    private static void assertSame(Map<String, JsonNode> reference, FieldMap actual) {
        assertEquals(new ArrayList<>(reference.entrySet()), new ArrayList<>(actual.entrySet()));
        assertEquals(reference.size(), actual.size());
        assertEquals(reference, actual);
        assertEquals(actual, reference);
        assertEquals(reference.hashCode(), actual.hashCode());
        for (int k = 0; k <= 2 * FieldMap.LINEAR_LIMIT; k++) {
            assertEquals(reference.get("k" + k), actual.get("k" + k));
            assertEquals(reference.containsKey("k" + k), actual.containsKey("k" + k));
        }
        List<String> visited = new ArrayList<>();
        actual.forEach((k, v) -> visited.add(k));
        assertEquals(new ArrayList<>(reference.keySet()), visited);
    }

    @Test
    void iteratorRemoveNeedsANextFirst() {
        Iterator<Map.Entry<String, JsonNode>> it = new FieldMap(2).entrySet().iterator();
        assertThrows(IllegalStateException.class, it::remove);
    }

    @Test
    void parsedAndBuiltObjectsCompareWrittenAndCopiedAsJacksonObjectsDo() {
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 3 * FieldMap.LINEAR_LIMIT; i++) {
            big.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":{\"n\":").append(i).append('}');
        }
        String text = big.append('}').toString();
        JsonNode parsed = Json.parse(text);
        ObjectNode built = Json.object(1);
        for (int i = 0; i < 3 * FieldMap.LINEAR_LIMIT; i++) {
            built.putObject("f" + i).put("n", i);
        }
        assertEquals(text, Json.write(parsed));
        assertEquals(parsed, built);
        assertEquals(parsed.hashCode(), built.hashCode());
        assertEquals(parsed, parsed.deepCopy());
        ObjectNode copy = Json.shallowCopy((ObjectNode) parsed);
        copy.remove("f0");
        copy.retain("f1", "f2");
        assertEquals("{\"f1\":{\"n\":1},\"f2\":{\"n\":2}}", Json.write(copy));
        assertEquals(text, Json.write(parsed), "a shallow copy's changes leave the original alone");
    }
}
