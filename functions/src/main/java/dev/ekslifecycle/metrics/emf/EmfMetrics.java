package dev.ekslifecycle.metrics.emf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.store.OperationType;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes each figure as one CloudWatch Embedded Metric Format line on stdout: a JSON object whose {@code _aws}
 * member tells CloudWatch Logs which members are metrics and dimensions. CloudWatch extracts the metrics from the
 * function's log group; no AWS call, no buffering, nothing lost when a container is frozen.
 *
 * <p>Namespace {@code EksLifecycle}; every metric has the dimension {@code Stage} plus the one that says what it
 * counts (operation type, step, service, status class). The invocation's log context (request and operation ids)
 * rides along as plain members, so a metric's line is found with the invocation's other lines.
 */
public final class EmfMetrics implements LifecycleMetrics {

    public static final String NAMESPACE = "EksLifecycle";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stage;
    private final Clock clock;
    private final PrintStream out;
    private final Supplier<Map<String, ?>> context;

    /**
     * @param stage   the deployment's stage (template.yaml's {@code StageName})
     * @param out     where the lines go: stdout in a Lambda
     * @param context members added to every line, e.g. the invocation's log context
     */
    public EmfMetrics(String stage, Clock clock, PrintStream out, Supplier<Map<String, ?>> context) {
        this.stage = stage;
        this.clock = clock;
        this.out = out;
        this.context = context;
    }

    @Override
    public void operationStarted(OperationType type) {
        emit("OperationType", type.name(), "OperationsStarted", "Count", 1);
    }

    @Override
    public void operationFinished(OperationType type, boolean succeeded) {
        emit("OperationType", type.name(), succeeded ? "OperationsSucceeded" : "OperationsFailed", "Count", 1);
    }

    @Override
    public void stepFinished(String step, boolean succeeded, Duration duration) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("StepDuration", duration.toMillis());
        metrics.put(succeeded ? "StepsSucceeded" : "StepsFailed", 1L);
        emit("Step", step, metrics, Map.of("StepDuration", "Milliseconds"));
    }

    @Override
    public void dependencyFailed(String service, boolean throttled) {
        emit("Service", service, throttled ? "DependencyThrottles" : "DependencyErrors", "Count", 1);
    }

    @Override
    public void apiAnswered(int status) {
        if (status >= 400) {
            emit("StatusClass", status / 100 + "xx", status >= 500 ? "Api5xx" : "Api4xx", "Count", 1);
        }
    }

    private void emit(String dimension, String value, String metric, String unit, long number) {
        emit(dimension, value, Map.of(metric, number), Map.of(metric, unit));
    }

    /** One line: the given metrics under the dimension set [Stage, dimension]; units default to Count. */
    private void emit(String dimension, String value, Map<String, Long> metrics, Map<String, String> units) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Stage").add(dimension);
        ArrayNode definitions = directive.putArray("Metrics");
        context.get().forEach((k, v) -> line.put(k, String.valueOf(v)));
        line.put("Stage", stage);
        line.put(dimension, value);
        metrics.forEach((name, number) -> {
            definitions.addObject().put("Name", name).put("Unit", units.getOrDefault(name, "Count"));
            line.put(name, number);
        });
        // One println per line: concurrent writers never interleave within a line.
        out.println(line);
    }
}
