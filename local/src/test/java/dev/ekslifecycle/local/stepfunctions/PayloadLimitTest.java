package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 256 KiB limit on a state's output, counted in bytes of the output's JSON text as AWS counts it. */
class PayloadLimitTest {

    private static final int LIMIT = 262_144;
    /** Adds a field to its input, so the output is 9 bytes longer than the input. */
    private static final String GROW = """
            {"StartAt":"Grow","States":{"Grow":{"Type":"Pass",
              "Parameters":{"s.$":"$.s","n.$":"$.n","d.$":"$.d","a.$":"$.a","x":true},"End":true}}}""";

    private final Workflows wf = new Workflows();

    @AfterEach
    void close() {
        wf.close();
    }

    @Test
    void anOutputOfExactlyTheLimitPassesAndOneByteMoreFailsWithDataLimitExceeded() {
        ObjectNode atLimit = input(LIMIT);
        Execution passes = wf.run(GROW, Json.write(atLimit));
        assertEquals(ExecutionStatus.SUCCEEDED, passes.status());
        assertEquals(LIMIT, bytes(Json.write(passes.output())));

        Execution fails = wf.run(GROW, Json.write(input(LIMIT + 1)));
        assertEquals(ExecutionStatus.FAILED, fails.status());
        assertEquals("States.DataLimitExceeded", fails.error());
    }

    /** An input whose string mixes escaped, multi-byte and plain characters, sized so the output has {@code size} bytes. */
    private static ObjectNode input(int size) {
        String mixed = "q\"\\é€\n";
        ObjectNode probe = fields("");
        int fixed = bytes(Json.write(probe)) + 9;
        int unit = bytes(Json.write(Json.NODES.textNode(mixed))) - 2;
        int units = (size - fixed) / unit;
        String s = mixed.repeat(units) + "a".repeat(size - fixed - units * unit);
        ObjectNode input = fields(s);
        assertEquals(size - 9, bytes(Json.write(input)));
        return input;
    }

    /** A string, a negative long, a decimal and nested arrays and objects (some empty). */
    private static ObjectNode fields(String s) {
        ObjectNode input = Json.object().put("s", s).put("n", -1234567890123L).put("d", 1.5);
        input.set("a", Json.parse("[1,[],{},\"x\",null,true,{\"k\":[2,3],\"e\":{}}]"));
        return input;
    }

    private static int bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
