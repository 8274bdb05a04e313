package dev.ekslifecycle.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code emulators} command's options and its ready line. */
class EmulatorsCommandTest {

    @Test
    void printsTheReadyLineWithTheEdgeUrlAndServes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalEdge edge = EmulatorsCommand.start(new String[] {"--port", "0", "--clock", "virtual", "--seed", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals("emulators ready edge=" + edge.url() + System.lineSeparator(),
                    out.toString(StandardCharsets.UTF_8));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(edge.url() + "/_local/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals(3, edge.faults().seed());
        } finally {
            edge.close();
            edge.clock().shutdown();
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String[] args : new String[][] {{"--port"}, {"--port", "70000"}, {"--clock", "fast"}, {"--bogus", "1"}}) {
            assertThrows(IllegalArgumentException.class, () -> EmulatorsCommand.start(args, sink));
        }
        MainRun main = new MainRun();
        assertEquals(2, main.run("emulators", "--clock", "fast"));
        assertTrue(main.err().contains("real, scaled:N (N > 0) or virtual"));
    }

    @Test
    void aRestartOnTheSameDataDirectoryNeverPutsVirtualTimeBack(@TempDir Path dataDir) throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] args = {"--port", "0", "--clock", "virtual", "--data-dir", dataDir.toString()};
        LocalEdge first = EmulatorsCommand.start(args, sink);
        Instant before;
        try {
            // hours ahead of real time; every background timer on the way fires, so not days
            ((VirtualClock) first.clock()).advance(Duration.ofHours(2));
            before = healthTime(first);
        } finally {
            first.close();
            first.clock().shutdown();
        }
        LocalEdge second = EmulatorsCommand.start(args, sink);
        try {
            Instant after = healthTime(second);
            assertTrue(!after.isBefore(before), "time went back from " + before + " to " + after);
        } finally {
            second.close();
            second.clock().shutdown();
        }
    }

    @Test
    void aSavedTimeThatCannotBeReadStopsTheStartNamingTheFile(@TempDir Path dataDir) throws Exception {
        Path file = Files.writeString(dataDir.resolve("clock.json"), "{");
        MainRun main = new MainRun();
        assertEquals(1, main.run("emulators", "--port", "0", "--clock", "virtual", "--data-dir", dataDir.toString()));
        assertTrue(main.err().contains("emulators: cannot start: cannot read the simulated time in " + file),
                main.err());
    }

    private static Instant healthTime(LocalEdge edge) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(edge.url() + "/_local/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Instant.parse(new ObjectMapper().readTree(health.body()).get("time").asText());
    }
}
