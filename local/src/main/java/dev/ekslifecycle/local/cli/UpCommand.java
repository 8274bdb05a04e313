package dev.ekslifecycle.local.cli;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.LocalCloud;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code up}: the local cloud from {@code template.yaml} until the process is stopped (SIGTERM or Ctrl-C stop it
 * cleanly). Prints exactly one line when ready: {@code local-cloud ready edge=URL api=URL}.
 */
final class UpCommand {

    static final String USAGE = "up [--edge-port 4566] [--api-port 8080] [--data-dir .local-cloud] "
            + "[--clock real|scaled:N|virtual] [--template template.yaml] [--stack-name eks-lifecycle] "
            + "[--parameter NAME=VALUE]... [--seed N]";

    private UpCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalCloud cloud;
        try {
            cloud = start(args);
        } catch (IllegalArgumentException e) {
            err.println("up: " + e.getMessage());
            err.println("usage: java -jar local-cloud.jar " + USAGE);
            return 2;
        } catch (TemplateException e) {
            err.println("up: the template cannot run locally: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("up: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("local-cloud ready edge=" + cloud.edgeUrl() + " api=" + cloud.apiUrl());
        out.flush();
        UntilShutdown.await("local-cloud-shutdown", () -> {
            cloud.close();
            cloud.edge().clock().shutdown();
            err.println("local-cloud stopped");
        });
        return 0;
    }

    /** Parses the options and starts the local cloud. */
    static LocalCloud start(String[] args) throws IOException {
        int edgePort = 4566;
        int apiPort = 8080;
        Path dataDir = Path.of(".local-cloud");
        String clockSpec = "real";
        Path template = Path.of("template.yaml");
        String stackName = "eks-lifecycle";
        Map<String, String> parameters = new LinkedHashMap<>();
        long seed = 1;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--edge-port" -> edgePort = port(option, value);
                case "--api-port" -> apiPort = port(option, value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--clock" -> clockSpec = value;
                case "--template" -> template = Path.of(value);
                case "--stack-name" -> stackName = value;
                case "--parameter" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--parameter takes NAME=VALUE, not " + value);
                    }
                    parameters.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--seed" -> seed = seed(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        Optional<Path> directory = Optional.of(Files.createDirectories(dataDir));
        SimulationClock clock = SimulationClock.parse(clockSpec, directory);
        try {
            return LocalCloud.start(new LocalCloud.Options(template, edgePort, apiPort, directory, clock, seed,
                    parameters, stackName));
        } catch (IOException | RuntimeException e) {
            clock.shutdown();
            throw e;
        }
    }

    private static int port(String option, String value) {
        if (value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535) {
            return Integer.parseInt(value);
        }
        throw new IllegalArgumentException(option + " must be a port from 0 to 65535, not " + value);
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be an integer, not " + value);
        }
    }
}
