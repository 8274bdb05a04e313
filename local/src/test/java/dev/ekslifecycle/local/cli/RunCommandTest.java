package dev.ekslifecycle.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private final MainRun main = new MainRun();

    @Test
    void runsTheDefinitionNTimesAndEndsWithTheThroughputLine() throws Exception {
        Path definition = Files.writeString(dir.resolve("d.json"), """
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":86400,"Next":"P"},
                 "P":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}""");
        Path input = Files.writeString(dir.resolve("i.json"), "{\"a\":2,\"b\":3}");
        assertEquals(0, main.run("run", "--definition", definition.toString(), "--input", input.toString(),
                "--repeat", "25"));
        String[] lines = main.out().strip().split("\n");
        assertEquals("first: status=SUCCEEDED output={\"sum\":5}", lines[0]);
        assertTrue(lines[lines.length - 1].matches("executions=25 seconds=[0-9.]+ per_second=[0-9.]+"),
                lines[lines.length - 1]);
    }

    @Test
    void reportsAnInvalidDefinitionAndBadOptions() throws Exception {
        Path definition = Files.writeString(dir.resolve("bad.json"), "{\"StartAt\":\"X\",\"States\":{}}");
        assertEquals(1, main.run("run", "--definition", definition.toString()));
        assertTrue(main.err().contains("InvalidDefinition"));
        assertEquals(2, main.run("run", "--definition", definition.toString(), "--repeat", "zero"));
        assertEquals(2, main.run("run", "--definition", definition.toString(), "--seed", "x"));
        assertTrue(main.err().contains("--seed must be an integer, not 'x'"));
        assertEquals(2, main.run("run"));
    }
}
