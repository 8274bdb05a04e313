package dev.ekslifecycle.local.cli;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code emulators [--port 4566] [--data-dir DIR] [--clock real|scaled:N|virtual] [--seed N]}: every local AWS
 * service on one edge port until the process is stopped (SIGTERM or Ctrl-C stop it cleanly).
 */
final class EmulatorsCommand {

    static final String USAGE = "emulators [--port 4566] [--data-dir DIR] [--clock real|scaled:N|virtual] [--seed N]";

    private EmulatorsCommand() {
    }

    /** Starts the edge, prints the ready line, and serves until the JVM shuts down. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalEdge edge;
        try {
            edge = start(args, out);
        } catch (IllegalArgumentException e) {
            err.println("emulators: " + e.getMessage());
            err.println("usage: java -jar local-cloud.jar " + USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("emulators: cannot start: " + e.getMessage());
            return 1;
        }
        UntilShutdown.await("emulators-shutdown", () -> {
            edge.close();
            edge.clock().shutdown();
            out.println("emulators stopped");
            out.flush();
        });
        return 0;
    }

    /** Parses the options, starts the edge and prints {@code emulators ready edge=URL}. */
    static LocalEdge start(String[] args, PrintStream out) throws IOException {
        int port = 4566;
        Optional<Path> dataDir = Optional.empty();
        String clockSpec = "real";
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = integer(option, value, 0, 65535);
                case "--data-dir" -> dataDir = Optional.of(Files.createDirectories(Path.of(value)));
                case "--clock" -> clockSpec = value;
                case "--seed" -> seed = integer(option, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        SimulationClock clock = SimulationClock.parse(clockSpec, dataDir);
        LocalEdge edge;
        try {
            edge = LocalEdge.start(port, clock, new FaultInjector(seed), dataDir);
            edge.resumePendingWork();
        } catch (IOException | RuntimeException e) {
            clock.shutdown();
            throw e;
        }
        out.println("emulators ready edge=" + edge.url());
        out.flush();
        return edge;
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(option + " must be an integer from " + min + " to " + max + ", not "
                + value);
    }
}
