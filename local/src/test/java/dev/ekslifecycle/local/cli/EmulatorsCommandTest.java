package dev.ekslifecycle.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.edge.LocalEdge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
}
