package dev.ekslifecycle.local.cli;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.LocalCloud;
import dev.ekslifecycle.local.demo.Demo;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code demo}: a private local cloud on free ports and a temporary data directory, and the cluster lifecycle run
 * against it through the public REST API with a live progress display.
 */
final class DemoCommand {

    static final String USAGE = "demo [--template template.yaml] [--clock scaled:120]";

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path template = Path.of("template.yaml");
        String clockSpec = "scaled:120";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                err.println("demo: option " + args[i] + " needs a value");
                return 2;
            }
            switch (args[i]) {
                case "--template" -> template = Path.of(args[i + 1]);
                case "--clock" -> clockSpec = args[i + 1];
                default -> {
                    err.println("demo: unknown option " + args[i] + "\nusage: java -jar local-cloud.jar " + USAGE);
                    return 2;
                }
            }
        }
        SimulationClock clock;
        try {
            clock = SimulationClock.parse(clockSpec);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return 2;
        }
        try {
            return Demo.run(LocalCloud.Options.of(template, clock).withPorts(0, 0), out) ? 0 : 1;
        } catch (Exception e) {
            err.println("demo: " + e.getMessage());
            return 1;
        } finally {
            clock.shutdown();
        }
    }
}
