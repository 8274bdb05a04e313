package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.paths.IntrinsicCall;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import dev.ekslifecycle.local.stepfunctions.paths.PathScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each intrinsic function with the developer guide's semantics, evaluated against a fixed input. */
class IntrinsicFunctionsTest {

    private static final JsonNode INPUT = Json.parse("""
            {"name":"World","n":3,"list":[1,2,2,3],"obj":{"a":1},"other":{"b":2},"text":"a,b;;c",
             "json":"{\\"k\\":[1]}"}""");

    private static final PathScope SCOPE = new PathScope() {
        @Override
        public JsonNode input() {
            return INPUT;
        }

        @Override
        public JsonNode context() {
            return Json.parse("{\"Execution\":{\"Name\":\"exec-1\"}}");
        }

        @Override
        public JsonNode variable(String name) {
            return name.equals("greeting") ? Json.NODES.textNode("Hi") : null;
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "States.Format('Hello {}, n={}', $.name, $.n)|\"Hello World, n=3\"",
        "States.Format('{} from {}', $greeting, $$.Execution.Name)|\"Hi from exec-1\"",
        "States.Format('literal \\{\\} and {}', 'x')|\"literal {} and x\"",
        "States.StringToJson($.json)|{\"k\":[1]}",
        "States.JsonToString($.obj)|\"{\\\"a\\\":1}\"",
        "States.Array(1, 'two', $.obj, null, true)|[1,\"two\",{\"a\":1},null,true]",
        "States.ArrayPartition($.list, 3)|[[1,2,2],[3]]",
        "States.ArrayContains($.list, 3)|true",
        "States.ArrayContains($.list, 9)|false",
        "States.ArrayRange(1, 9, 2)|[1,3,5,7,9]",
        "States.ArrayRange(5, 1, -2)|[5,3,1]",
        "States.ArrayGetItem($.list, 3)|3",
        "States.ArrayLength($.list)|4",
        "States.ArrayUnique($.list)|[1,2,3]",
        "States.Base64Encode('Data to encode')|\"RGF0YSB0byBlbmNvZGU=\"",
        "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')|\"Data to encode\"",
        "States.Hash('input data', 'SHA-1')|\"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
        "States.JsonMerge($.obj, $.other, false)|{\"a\":1,\"b\":2}",
        "States.MathAdd($.n, -5)|-2",
        "States.StringSplit($.text, ',;')|[\"a\",\"b\",\"c\"]",
        "States.ArrayLength(States.Array(States.MathAdd(1, 2), $.n))|2",
    })
    void evaluatesAsTheGuideDescribes(String call, String expected) {
        assertEquals(Json.parse(expected), IntrinsicCall.parse(call).evaluate(SCOPE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 42})
    void mathRandomStaysInItsRangeAndASeedRepeats(int seed) {
        IntrinsicCall call = IntrinsicCall.parse("States.MathRandom(10, 20, " + seed + ")");
        int first = call.evaluate(SCOPE).intValue();
        assertTrue(first >= 10 && first < 20, "in [10, 20): " + first);
        assertEquals(first, call.evaluate(SCOPE).intValue());
    }

    @org.junit.jupiter.api.Test
    void uuidIsAVersionFourUuid() {
        String uuid = IntrinsicCall.parse("States.UUID()").evaluate(SCOPE).textValue();
        assertEquals('4', uuid.charAt(14));
        assertEquals(36, uuid.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"States.ArrayGetItem($.list, 4)", "States.Format('{} {}', 'one')",
        "States.StringToJson($.name)", "States.JsonMerge($.obj, $.list, false)", "States.MathAdd($.name, 1)",
        "States.ArrayRange(0, 2000, 1)", "States.Hash('x', 'SHA-3')"})
    void badArgumentsAreIntrinsicFailures(String call) {
        StatesError e = assertThrows(StatesError.class, () -> IntrinsicCall.parse(call).evaluate(SCOPE));
        assertEquals("States.IntrinsicFailure", e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"States.Nope(1)", "States.UUID(1)", "States.Format(", "States.Array(1,,2)",
        "States.MathAdd(1)"})
    void malformedCallsAreRefusedWhenParsed(String call) {
        assertThrows(InvalidPathException.class, () -> IntrinsicCall.parse(call));
    }
}
