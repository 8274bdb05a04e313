package dev.ekslifecycle.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cold start of each handler in function.zip beside a handler that does nothing: the median over N fresh JVMs of
 * the time from launch to the first answer (response or error) posted to a local Runtime API stand-in.
 *
 * <p>Usage: {@code ColdStartBenchmark [--zip functions/target/function.zip] [--runs 5]
 * [--ric-classpath bench/target/coldstart-ric.classpath] [--jvm-options "-Xlog:class+load:file=..."]}. Run by
 * hand (see bench/README.md); no assertions. JVM options are for profiling a start, not for the figures.
 */
public final class ColdStartBenchmark {

    /** Target of issue 10: each handler within 1.25 times the do-nothing handler. */
    private static final double TARGET_RATIO = 1.25;

    /** A handler name (QUARKUS_LAMBDA_HANDLER) and the first event it gets. */
    record Case(String label, String handler, String event) {
    }

    /**
     * The baseline: function.zip holds no do-nothing handler, so validate-cluster-spec with an empty object stands in
     * for one (it answers "invalid" after a map lookup; no injected beans, no AWS client).
     */
    static final Case BASELINE = new Case("baseline: validate-cluster-spec {}", "validate-cluster-spec", "{}");

    static final List<Case> CASES = List.of(
            new Case("api GET /openapi.json", "api", """
                    {"resource": "/openapi.json", "path": "/openapi.json", "httpMethod": "GET",
                     "headers": {"Accept": "application/json"}, "requestContext": {"identity":
                     {"userArn": "arn:aws:iam::123456789012:user/bench"}}, "isBase64Encoded": false}"""),
            new Case("api GET /clusters (DynamoDB Query)", "api", """
                    {"resource": "/clusters", "path": "/clusters", "httpMethod": "GET",
                     "headers": {"Accept": "application/json"}, "requestContext": {"identity":
                     {"userArn": "arn:aws:iam::123456789012:user/bench"}}, "isBase64Encoded": false}"""),
            new Case("validate-cluster-spec, a valid spec", "validate-cluster-spec", """
                    {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::123456789012:role/eks",
                     "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}"""),
            new Case("eks-steps PrepareDelete (AWS calls)", "eks-steps", """
                    {"action": "PrepareDelete", "operationId": "op-coldstart", "clusterName": "orders",
                     "executionArn": "arn:aws:states:us-east-1:123456789012:execution:delete:op-coldstart"}"""),
            new Case("operation-steps AcquireLock (AWS call)", "operation-steps", """
                    {"action": "AcquireLock", "operationId": "op-coldstart", "clusterName": "orders",
                     "executionArn": "arn:aws:states:us-east-1:123456789012:execution:create:op-coldstart"}"""));

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(option(args, "--zip", "functions/target/function.zip"));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        Path ricClasspathFile = Path.of(option(args, "--ric-classpath", "bench/target/coldstart-ric.classpath"));
        Path workDir = Files.createTempDirectory("coldstart-");
        LambdaSandbox sandbox = LambdaSandbox.of(zip, Files.readString(ricClasspathFile), workDir,
                option(args, "--jvm-options", ""));
        System.out.printf("%s, %d runs each, JVM %s; logs in %s%n", zip, runs, Runtime.version(),
                workDir.resolve("logs"));

        // Rounds interleave the cases, so that load from other processes on the machine falls on all of them alike.
        Map<Case, Samples> samples = new LinkedHashMap<>();
        samples.put(BASELINE, new Samples());
        CASES.forEach(c -> samples.put(c, new Samples()));
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<Case, Samples> entry : samples.entrySet()) {
                Case c = entry.getKey();
                String logName = c.label().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + "-" + run;
                entry.getValue().add(sandbox.coldStart(c.handler(), c.event(), logName));
            }
        }

        Samples baseline = samples.get(BASELINE);
        System.out.printf("%-45s %9s %9s %11s %7s  %s%n", "handler, first event", "median ms", "of: init",
                "baseline ms", "ratio", "first answer");
        System.out.printf("%-45s %9.0f %9.0f %11s %7s  %s%n", BASELINE.label(), baseline.medianMillis(),
                baseline.medianInitMillis(), "", "", baseline.answers());
        for (Case c : CASES) {
            Samples ours = samples.get(c);
            System.out.printf("%-45s %9.0f %9.0f %11.0f %6.2fx  %s%n", c.label(), ours.medianMillis(),
                    ours.medianInitMillis(), baseline.medianMillis(), ours.medianMillis() / baseline.medianMillis(),
                    ours.answers());
        }
        System.out.printf("target: every ratio <= %.2fx%n", TARGET_RATIO);
    }

    /**
     * One case's cold starts: total and init part (up to asking for the event) in milliseconds, and the distinct
     * first answers its runs got (response or error, abridged).
     */
    private static final class Samples {
        private final List<Double> millis = new ArrayList<>();
        private final List<Double> initMillis = new ArrayList<>();
        private final Set<String> answers = new LinkedHashSet<>();

        void add(LambdaSandbox.ColdStart start) {
            millis.add(start.millis());
            initMillis.add(start.initMillis());
            answers.add(abridged(start.answer()));
        }

        double medianMillis() {
            return median(millis);
        }

        double medianInitMillis() {
            return median(initMillis);
        }

        Set<String> answers() {
            return answers;
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private static String abridged(RuntimeApiStandIn.Answer answer) {
        String body = answer.body().replaceAll("\\s+", " ");
        return answer.kind() + " " + (body.length() > 70 ? body.substring(0, 70) + "..." : body);
    }

    private static String option(String[] args, String name, String fallback) {
        List<String> list = new ArrayList<>(List.of(args));
        int at = list.indexOf(name);
        return at >= 0 && at + 1 < list.size() ? list.get(at + 1) : fallback;
    }
}
