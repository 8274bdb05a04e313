package dev.ekslifecycle.local.cli;

import java.io.PrintStream;

/**
 * {@code java -jar local-cloud.jar COMMAND ...}: the entry point of the local cloud. Each command is a class of
 * its own in this package; this class only dispatches.
 */
public final class LocalCloudMain {

    private LocalCloudMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("up")) {
            return UpCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args[0].equals("emulators")) {
            return EmulatorsCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args[0].equals("demo")) {
            return DemoCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args[0].equals("run")) {
            return RunCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        err.println("unknown command '" + args[0] + "'");
        usage(err);
        return 2;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar local-cloud.jar COMMAND [OPTIONS]");
        out.println("commands:");
        out.println("  help    this text");
        out.println("  " + UpCommand.USAGE);
        out.println("          the local cloud: template.yaml deployed on every local service (docs/local-cloud.md)");
        out.println("  " + EmulatorsCommand.USAGE);
        out.println("          every local AWS service on one edge port (docs/local-edge.md)");
        out.println("  " + DemoCommand.USAGE);
        out.println("          creates, shows and deletes a cluster through the REST API of a private local cloud");
        out.println("  " + RunCommand.USAGE);
        out.println("          runs a state machine N times with the local Step Functions executor "
                + "(docs/local-stepfunctions.md)");
    }
}
