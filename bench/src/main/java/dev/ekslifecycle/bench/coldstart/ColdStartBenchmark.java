package dev.ekslifecycle.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cold start of each handler in function.zip beside a handler that does nothing: the median over N fresh JVMs of
 * the time from launch to the first answer (response or error) posted to a local Runtime API stand-in.
 *
 * <p>Usage: {@code ColdStartBenchmark [--zip functions/target/function.zip] [--runs 5]
 * [--ric-classpath bench/target/coldstart-ric.classpath]}. Run by hand (see bench/README.md); no assertions.
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
        LambdaSandbox sandbox = LambdaSandbox.of(zip, Files.readString(ricClasspathFile), workDir);
        System.out.printf("%s, %d runs each, JVM %s; logs in %s%n", zip, runs, Runtime.version(),
                workDir.resolve("logs"));

        Summary baseline = measure(sandbox, BASELINE, runs);
        System.out.printf("%-45s %10s %12s %7s  %s%n", "handler, first event", "median ms", "baseline ms", "ratio",
                "first answer");
        System.out.printf("%-45s %10.0f %12s %7s  %s%n", BASELINE.label(), baseline.medianMillis(), "", "",
                baseline.answers());
        for (Case c : CASES) {
            Summary ours = measure(sandbox, c, runs);
            System.out.printf("%-45s %10.0f %12.0f %6.2fx  %s%n", c.label(), ours.medianMillis(),
                    baseline.medianMillis(), ours.medianMillis() / baseline.medianMillis(), ours.answers());
        }
        System.out.printf("target: every ratio <= %.2fx%n", TARGET_RATIO);
    }

    /** A case's median cold start and the distinct first answers its runs got (response or error, abridged). */
    record Summary(double medianMillis, Set<String> answers) {
    }

    private static Summary measure(LambdaSandbox sandbox, Case c, int runs) throws Exception {
        double[] millis = new double[runs];
        Set<String> answers = new LinkedHashSet<>();
        for (int run = 0; run < runs; run++) {
            LambdaSandbox.ColdStart start = sandbox.coldStart(c.handler(), c.event(), run);
            millis[run] = start.millis();
            answers.add(abridged(start.answer()));
        }
        Arrays.sort(millis);
        double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
        return new Summary(median, answers);
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
