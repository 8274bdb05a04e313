package dev.ekslifecycle.local.cli;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.BatchRun;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsException;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsService;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run --definition FILE [--input FILE] [--repeat N] [--parallel K] [--type STANDARD|EXPRESS]
 * [--clock virtual|real|scaled:N] [--seed N]}: runs a state machine N times in this process with the local Step
 * Functions executor and prints the first execution's outcome, then {@code executions=N seconds=S per_second=X}.
 * Tasks other than Pass-like work have no services to call here; the virtual clock (the default) makes Wait states
 * and retry intervals take no real time. The seed (1 by default) makes retry jitter replay.
 */
final class RunCommand {

    static final String USAGE = "run --definition FILE [--input FILE] [--repeat N] [--parallel K] "
            + "[--type STANDARD|EXPRESS] [--clock virtual|real|scaled:N] [--seed N]";

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path definition = null;
        Path input = null;
        int repeat = 1;
        int parallel = 1;
        String type = "STANDARD";
        String clockSpec = "virtual";
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--definition" -> definition = Path.of(required(value, args[i]));
                    case "--input" -> input = Path.of(required(value, args[i]));
                    case "--repeat" -> repeat = positive(value, args[i]);
                    case "--parallel" -> parallel = positive(value, args[i]);
                    case "--type" -> type = required(value, args[i]);
                    case "--clock" -> clockSpec = required(value, args[i]);
                    case "--seed" -> seed = integer(value, args[i]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
                i++;
            }
            if (definition == null) {
                throw new IllegalArgumentException("--definition is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            err.println("usage: java -jar local-cloud.jar " + USAGE);
            return 2;
        }
        SimulationClock clock;
        try {
            clock = SimulationClock.parse(clockSpec);
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return 2;
        }
        try {
            String definitionText = Files.readString(definition);
            String inputText = input == null ? "{}" : Files.readString(input);
            StepFunctionsService service = StepFunctionsService.builder(clock).seed(seed).build();
            BatchRun.Result result = BatchRun.run(service, "run", type, definitionText, inputText, repeat, parallel);
            Execution first = result.first();
            out.println("first: status=" + first.status() + (first.output() != null ? " output="
                    + Json.write(first.output()) : "") + (first.error() != null ? " error=" + first.error() : "")
                    + (first.cause() != null ? " cause=" + first.cause() : ""));
            out.println(result.summary());
            return 0;
        } catch (IOException e) {
            err.println("run: cannot read " + e.getMessage());
            return 1;
        } catch (StepFunctionsException e) {
            err.println("run: " + e.errorCode() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            clock.shutdown();
        }
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static long integer(String value, String option) {
        try {
            return Long.parseLong(required(value, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, not '" + value + "'");
        }
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(required(value, option));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " must be a positive integer, not '" + value + "'");
    }
}
