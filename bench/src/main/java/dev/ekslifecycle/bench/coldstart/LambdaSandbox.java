package dev.ekslifecycle.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts function.zip the way Lambda's java21 runtime does: a fresh JVM running the runtime interface client with
 * the task root and its lib/ jars on the classpath, the Quarkus stream handler as the handler, and the environment
 * a deployed function of template.yaml sees.
 */
final class LambdaSandbox {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Path taskRoot;
    private final String classpath;
    private final Path logDir;
    private final String extraJvmOptions;

    private LambdaSandbox(Path taskRoot, String classpath, Path logDir, String extraJvmOptions) {
        this.taskRoot = taskRoot;
        this.classpath = classpath;
        this.logDir = logDir;
        this.extraJvmOptions = extraJvmOptions;
    }

    /**
     * Extracts the function zip into a fresh directory under {@code workDir}. {@code extraJvmOptions} (may be
     * empty) go after template.yaml's JAVA_TOOL_OPTIONS, e.g. {@code -Xlog:class+load} to see where a start goes.
     */
    static LambdaSandbox of(Path functionZip, String ricClasspath, Path workDir, String extraJvmOptions)
            throws IOException {
        Path taskRoot = workDir.resolve("task");
        extract(functionZip, taskRoot);
        List<String> entries = new ArrayList<>(List.of(ricClasspath.strip(), taskRoot.toString()));
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            jars.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().forEach(entries::add);
        }
        Path logDir = Files.createDirectories(workDir.resolve("logs"));
        return new LambdaSandbox(taskRoot, String.join(File.pathSeparator, entries), logDir, extraJvmOptions);
    }

    /**
     * One cold start: milliseconds from launching the JVM to its first answer, of which {@code initMillis} passed
     * before it asked for the event (JVM, runtime client and Quarkus start-up), and the answer itself.
     */
    record ColdStart(double millis, double initMillis, RuntimeApiStandIn.Answer answer) {
    }

    /**
     * Launches a fresh JVM for {@code handler}, initialised as {@code initializationType} (Lambda's
     * AWS_LAMBDA_INITIALIZATION_TYPE: on-demand or provisioned-concurrency), hands it {@code event} and waits for its
     * first answer; the JVM's output goes to {@code logName}.log in the log directory.
     */
    ColdStart coldStart(String handler, String initializationType, String event, String logName) throws Exception {
        try (RuntimeApiStandIn runtimeApi = new RuntimeApiStandIn(event)) {
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-cp", classpath, RIC_MAIN, HANDLER)
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve(logName + ".log").toFile());
            lambdaEnvironment(builder.environment(), handler, initializationType, runtimeApi.address());
            long launched = System.nanoTime();
            Process process = builder.start();
            try {
                RuntimeApiStandIn.Answer answer = runtimeApi.firstAnswer().get(120, TimeUnit.SECONDS);
                return new ColdStart((answer.answeredNanos() - launched) / 1e6,
                        (answer.askedNanos() - launched) / 1e6, answer);
            } finally {
                // A polite stop first, so that a profiler attached through --jvm-options writes its output.
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    private void lambdaEnvironment(Map<String, String> env, String handler, String initializationType,
                                   String runtimeApi) {
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", HANDLER);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "coldstart-" + handler);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDCOLDSTARTBENCH");
        env.put("AWS_SECRET_ACCESS_KEY", "cold-start-bench-secret");
        env.put("AWS_SESSION_TOKEN", "cold-start-bench-token");
        // The stand-in answers AWS calls too, with a fast 400, so nothing leaves the machine.
        env.put("AWS_ENDPOINT_URL", "http://" + runtimeApi);
        // As template.yaml sets them.
        env.put("JAVA_TOOL_OPTIONS", ("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 " + extraJvmOptions).strip());
        env.put("QUARKUS_LAMBDA_HANDLER", handler);
        env.put("STATE_TABLE", "eks-lifecycle-state");
        env.put("EVENT_BUS_NAME", "eks-lifecycle");
        env.put("CREATE_CLUSTER_STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:123456789012:stateMachine:create-cluster");
        env.put("DELETE_CLUSTER_STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:123456789012:stateMachine:delete-cluster");
        env.put("LIFECYCLE_ROLE_ARN", "arn:aws:iam::123456789012:role/eks-lifecycle");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
    }
}
