package dev.ekslifecycle.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpCommandTest {

    private final MainRun main = new MainRun();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--edge-port|x|--edge-port must be a port from 0 to 65535, not x",
        "--api-port|70000|--api-port must be a port from 0 to 65535, not 70000",
        "--clock|fast|clock must be real, scaled:N (N > 0) or virtual, not 'fast'",
        "--parameter|novalue|--parameter takes NAME=VALUE, not novalue",
        "--colour|blue|unknown option --colour",
    })
    void badOptionsAreUsageErrors(String option, String value, String message, @TempDir Path dir) {
        assertEquals(2, main.run("up", "--data-dir", dir.toString(), option, value));
        assertTrue(main.err().contains(message), main.err());
        assertEquals("", main.out(), "nothing on standard output but the ready line");
    }

    @Test
    void aTemplateThatCannotRunLocallyStopsStartUpNamingWhere(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"),
                "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n");
        assertEquals(1, main.run("up", "--data-dir", dir.toString(), "--template", template.toString(),
                "--edge-port", "0", "--api-port", "0", "--clock", "virtual"));
        assertTrue(main.err().contains("Resources.Vpc.Type: resource type AWS::EC2::VPC is "
                + "not supported locally"), main.err());
        assertEquals("", main.out());
    }

    @Test
    void aSavedTimeThatCannotBeReadStopsStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("clock.json"), "{");
        assertEquals(1, main.run("up", "--data-dir", dir.toString(), "--edge-port", "0", "--api-port", "0",
                "--clock", "scaled:60"));
        assertTrue(main.err().contains("up: cannot start: cannot read the simulated time in " + file), main.err());
        assertEquals("", main.out());
    }
}
