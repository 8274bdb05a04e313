package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import dev.ekslifecycle.local.stepfunctions.paths.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class JsonPathTest {

    private static final JsonNode DOC = Json.parse("""
            {"store":{"book":[
               {"title":"A","price":8,"tags":["x"]},
               {"title":"B","price":12},
               {"title":"C","price":5,"isbn":"1"}],
             "owner":{"name":"o","title":"T"}},
             "odd key":1,"n":null}""");

    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        "$~DOC",
        "$.store.book[0].title~\"A\"",
        "$['store']['owner'].name~\"o\"",
        "$.['odd key']~1",
        "$.store.book[-1].title~\"C\"",
        "$.store.book[*].title~[\"A\",\"B\",\"C\"]",
        "$.store.book[0:2].price~[8,12]",
        "$.store.book[::2].title~[\"A\",\"C\"]",
        "$.store.book[0,2].price~[8,5]",
        "$..title~[\"A\",\"B\",\"C\",\"T\"]",
        "$.store.book[?(@.price < 10)].title~[\"A\",\"C\"]",
        "$.store.book[?(@.isbn)].title~[\"C\"]",
        "$.store.book[?(@.price >= 8 && @.title != 'B')].title~[\"A\"]",
        "$.store.book[?(@.price > 10 || @.isbn == '1')].title~[\"B\",\"C\"]",
    })
    void selectsWhatJaywayWould(String path, String expected) {
        JsonNode want = expected.equals("DOC") ? DOC : Json.parse(expected);
        assertEquals(want, JsonPath.compile(path).find(DOC).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.missing", "$.store.book[9]", "$.store.owner.name.deeper"})
    void aMissingDefiniteValueIsEmpty(String path) {
        assertTrue(JsonPath.compile(path).find(DOC).isEmpty());
        assertTrue(JsonPath.compile("$.n").find(DOC).orElseThrow().isNull(), "null is a value, not a miss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "$.", "$[", "$.a[", "$['x", "$[?(@.a == 1]", "$.a..", "$[abc]"})
    void malformedPathsAreRefused(String path) {
        assertThrows(InvalidPathException.class, () -> JsonPath.compile(path));
    }

    @Test
    void setCopiesOnlyTheNodesOnThePathAndCreatesMissingObjects() {
        JsonNode input = Json.parse("{\"a\":{\"keep\":1},\"b\":[0,{\"x\":1}]}");
        JsonNode out = JsonPath.compile("$.a.new.deep").set(input, Json.NODES.textNode("v"));
        assertEquals(Json.parse("{\"a\":{\"keep\":1,\"new\":{\"deep\":\"v\"}},\"b\":[0,{\"x\":1}]}"), out);
        assertEquals(Json.parse("{\"a\":{\"keep\":1},\"b\":[0,{\"x\":1}]}"), input, "the input is unchanged");
        assertTrue(out.get("b") == input.get("b"), "untouched subtrees are shared");
        JsonNode indexed = JsonPath.compile("$.b[1].x").set(input, Json.NODES.numberNode(2));
        assertEquals(2, indexed.get("b").get(1).get("x").intValue());
        assertThrows(IllegalStateException.class, () -> JsonPath.compile("$.b.x").set(input, input));
        assertFalse(JsonPath.compile("$.b[*]").isReference());
    }

    @Test
    void setThenFindReturnsTheValueForAnyGeneratedReferencePath() {
        Gen<String> names = SourceDSL.strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 3);
        Gen<java.util.List<String>> paths = SourceDSL.lists().of(names).ofSizeBetween(1, 5);
        QuickTheory.qt().withFixedSeed(20261125L).forAll(paths, SourceDSL.integers().between(-1000, 1000))
                .checkAssert((segments, value) -> {
                    String path = "$." + String.join(".", segments);
                    JsonNode out = JsonPath.compile(path).set(DOC, Json.NODES.numberNode(value));
                    assertEquals(value.intValue(), JsonPath.compile(path).find(out).orElseThrow().intValue());
                    assertEquals(DOC.get("store"), segments.get(0).equals("store") ? DOC.get("store")
                            : out.get("store"), "siblings survive");
                });
    }
}
