package dev.ekslifecycle.bench.stepfunctions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step Functions throughput, process against process: for each definition, {@code local-cloud.jar run} and
 * aws-local-stepfunctions 3.0.0 (driven by {@code bench/stepfunctions/peer.mjs}) each run it N times, one execution
 * after another, in one process of their own; the table shows both executions-per-second figures and their ratio.
 *
 * <p>usage: {@code StepFunctionsBench DEFINITIONS_DIR LOCAL_CLOUD_JAR REPEAT PEER_DIR PEER_REPEAT}
 */
public final class StepFunctionsBench {

    private static final List<String> DEFINITIONS = List.of("linear-50", "loop-choice", "map-100", "parallel-retry");
    private static final Pattern SUMMARY = Pattern.compile("executions=(\\d+) seconds=([0-9.]+) per_second=([0-9.]+)");

    private StepFunctionsBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: StepFunctionsBench DEFINITIONS_DIR LOCAL_CLOUD_JAR REPEAT PEER_DIR PEER_REPEAT");
            System.exit(2);
        }
        Path definitions = Path.of(args[0]);
        String jar = args[1];
        String repeat = args[2];
        Path peerDir = Path.of(args[3]);
        String peerRepeat = args[4];
        Path peerScript = definitions.getParent().resolve("peer.mjs").toAbsolutePath();
        System.out.printf(Locale.ROOT, "%-16s %14s %14s %14s %8s%n", "definition", "ours STANDARD", "ours EXPRESS",
                "peer", "ratio");
        for (String name : DEFINITIONS) {
            String definition = definitions.resolve(name + ".asl.json").toAbsolutePath().toString();
            String input = definitions.resolve(name + ".input.json").toAbsolutePath().toString();
            double standard = perSecond(List.of("java", "-jar", jar, "run", "--definition", definition, "--input",
                    input, "--repeat", repeat, "--type", "STANDARD"), null);
            double express = perSecond(List.of("java", "-jar", jar, "run", "--definition", definition, "--input",
                    input, "--repeat", repeat, "--type", "EXPRESS"), null);
            double peer = perSecond(List.of(peerDir.resolve("node_modules/.bin/node").toString(),
                    peerScript.toString(), definition, input, peerRepeat), peerDir);
            System.out.printf(Locale.ROOT, "%-16s %14.1f %14.1f %14.1f %7.1fx%n", name, standard, express, peer,
                    Math.max(standard, express) / peer);
        }
    }

    /** Runs a command and returns the per_second figure of its summary line. */
    private static double perSecond(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher m = SUMMARY.matcher(output);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "):\n" + output);
        }
        return Double.parseDouble(m.group(3));
    }
}
