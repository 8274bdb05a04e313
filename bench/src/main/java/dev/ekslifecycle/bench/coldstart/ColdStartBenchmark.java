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
 * Cold start of each handler in function.zip beside a minimal Quarkus function that does nothing: the median over N
 * fresh JVMs of the time from launch to the first answer (response or error) posted to a local Runtime API stand-in.
 *
 * <p>Usage: {@code ColdStartBenchmark [--zip functions/target/function.zip]
 * [--baseline-zip bench/noop-function/target/function.zip] [--runs 5]
 * [--ric-classpath bench/target/coldstart-ric.classpath] [--jvm-options "-Xlog:class+load:file=..."]}. Run by
 * hand (see bench/README.md); no assertions. JVM options are for profiling a start, not for the figures.
 */
public final class ColdStartBenchmark {

    /** Target of issue 10: each handler within 1.25 times the do-nothing handler. */
    private static final double TARGET_RATIO = 1.25;

    /**
     * A handler name (QUARKUS_LAMBDA_HANDLER) in one of the two packages, how Lambda initialises it
     * (AWS_LAMBDA_INITIALIZATION_TYPE) and the first event it gets.
     */
    record Case(String label, boolean inBaselinePackage, String handler, String initializationType, String event) {

        Case(String label, boolean inBaselinePackage, String handler, String event) {
            this(label, inBaselinePackage, handler, ON_DEMAND, event);
        }

        /** The same handler and event in an environment initialised for provisioned concurrency. */
        Case provisioned() {
            return new Case(label + ", provisioned", inBaselinePackage, handler, PROVISIONED, event);
        }
    }

    private static final String ON_DEMAND = "on-demand";
    private static final String PROVISIONED = "provisioned-concurrency";

    /** The baseline of the target: bench/noop-function, a Quarkus Lambda function whose handler does nothing. */
    static final Case BASELINE = new Case("baseline: minimal Quarkus function, noop", true, "noop", "{}");

    /**
     * Our package with the least a handler can do (validate-cluster-spec answers "invalid" to an empty object after
     * a few map look-ups; no injected beans, no AWS client): what our package and its extensions add to the start.
     */
    static final Case OUR_PACKAGE_IDLE = new Case("validate-cluster-spec {}", false, "validate-cluster-spec", "{}");

    private static final Case OPENAPI = new Case("api GET /openapi.json", false, "api", """
            {"resource": "/openapi.json", "path": "/openapi.json", "httpMethod": "GET",
             "headers": {"Accept": "application/json"}, "requestContext": {"identity":
             {"userArn": "arn:aws:iam::123456789012:user/bench"}}, "isBase64Encoded": false}""");

    private static final Case LIST_CLUSTERS = new Case("api GET /clusters (DynamoDB Query)", false, "api", """
            {"resource": "/clusters", "path": "/clusters", "httpMethod": "GET",
             "headers": {"Accept": "application/json"}, "requestContext": {"identity":
             {"userArn": "arn:aws:iam::123456789012:user/bench"}}, "isBase64Encoded": false}""");

    private static final Case VALID_SPEC = new Case("validate-cluster-spec, a valid spec", false,
            "validate-cluster-spec", """
            {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::123456789012:role/eks",
             "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}""");

    private static final Case PREPARE_DELETE = new Case("eks-steps PrepareDelete (AWS calls)", false, "eks-steps", """
            {"action": "PrepareDelete", "operationId": "op-coldstart", "clusterName": "orders",
             "executionArn": "arn:aws:states:us-east-1:123456789012:execution:delete:op-coldstart"}""");

    private static final Case ACQUIRE_LOCK = new Case("operation-steps AcquireLock (AWS call)", false,
            "operation-steps", """
            {"action": "AcquireLock", "operationId": "op-coldstart", "clusterName": "orders",
             "executionArn": "arn:aws:states:us-east-1:123456789012:execution:create:op-coldstart"}""");

    /**
     * On-demand starts, then the handlers that call AWS in environments initialised for provisioned concurrency,
     * where the functions prime their SDK clients during init as they do before a SnapStart snapshot: the "invoke"
     * part of those is what priming leaves for the first request.
     */
    static final List<Case> CASES = List.of(OUR_PACKAGE_IDLE, OPENAPI, LIST_CLUSTERS, VALID_SPEC, PREPARE_DELETE,
            ACQUIRE_LOCK, LIST_CLUSTERS.provisioned(), PREPARE_DELETE.provisioned(), ACQUIRE_LOCK.provisioned());

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(option(args, "--zip", "functions/target/function.zip"));
        Path baselineZip = Path.of(option(args, "--baseline-zip", "bench/noop-function/target/function.zip"));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        String ricClasspath = Files.readString(Path.of(option(args, "--ric-classpath",
                "bench/target/coldstart-ric.classpath")));
        String jvmOptions = option(args, "--jvm-options", "");
        Path workDir = Files.createTempDirectory("coldstart-");
        LambdaSandbox ours = LambdaSandbox.of(zip, ricClasspath, workDir.resolve("ours"), jvmOptions);
        LambdaSandbox minimal = LambdaSandbox.of(baselineZip, ricClasspath, workDir.resolve("baseline"), jvmOptions);
        System.out.printf("%s beside %s, %d runs each, JVM %s; logs in %s/*/logs%n", zip, baselineZip, runs,
                Runtime.version(), workDir);

        // Rounds interleave the cases, so that load from other processes on the machine falls on all of them alike.
        Map<Case, Samples> samples = new LinkedHashMap<>();
        samples.put(BASELINE, new Samples());
        CASES.forEach(c -> samples.put(c, new Samples()));
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<Case, Samples> entry : samples.entrySet()) {
                Case c = entry.getKey();
                String logName = c.label().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + "-" + run;
                LambdaSandbox sandbox = c.inBaselinePackage() ? minimal : ours;
                entry.getValue().add(sandbox.coldStart(c.handler(), c.initializationType(), c.event(), logName));
            }
        }

        Samples baseline = samples.get(BASELINE);
        Samples idle = samples.get(OUR_PACKAGE_IDLE);
        System.out.printf("%-53s %9s %9s %7s %7s %13s  %s%n", "handler, first event", "median ms", "of: init",
                "invoke", "ratio", "vs {} of ours", "first answer");
        System.out.printf("%-53s %9.0f %9.0f %7.0f %7s %13s  %s%n", BASELINE.label(), baseline.medianMillis(),
                baseline.medianInitMillis(), baseline.medianInvokeMillis(), "", "", baseline.answers());
        for (Case c : CASES) {
            Samples s = samples.get(c);
            // A provisioned environment is initialised before traffic reaches it: only its invoke part is felt.
            boolean felt = c.initializationType().equals(ON_DEMAND);
            System.out.printf("%-53s %9.0f %9.0f %7.0f %7s %13s  %s%n", c.label(), s.medianMillis(),
                    s.medianInitMillis(), s.medianInvokeMillis(),
                    felt ? "%.2fx".formatted(s.medianMillis() / baseline.medianMillis()) : "-",
                    felt ? "%.2fx".formatted(s.medianMillis() / idle.medianMillis()) : "-", s.answers());
        }
        System.out.printf("target: every ratio <= %.2fx (\"vs {} of ours\": the first request's share; \"invoke\":"
                + " from asking for the event to answering it)%n", TARGET_RATIO);
    }

    /**
     * One case's cold starts: total and init part (up to asking for the event) in milliseconds, and the distinct
     * first answers its runs got (response or error, abridged).
     */
    private static final class Samples {
        private final List<Double> millis = new ArrayList<>();
        private final List<Double> initMillis = new ArrayList<>();
        private final List<Double> invokeMillis = new ArrayList<>();
        private final Set<String> answers = new LinkedHashSet<>();

        void add(LambdaSandbox.ColdStart start) {
            millis.add(start.millis());
            initMillis.add(start.initMillis());
            invokeMillis.add(start.millis() - start.initMillis());
            answers.add(abridged(start.answer()));
        }

        double medianMillis() {
            return median(millis);
        }

        double medianInitMillis() {
            return median(initMillis);
        }

        double medianInvokeMillis() {
            return median(invokeMillis);
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
