package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The fields that every log line of one invocation carries: the Lambda request id and, where the event names them,
 * the operation, its workflow execution and the cluster. quarkus-logging-json writes each line as one JSON object
 * with these fields under {@code mdc}, so CloudWatch Logs Insights finds all lines of an operation with
 * {@code filter mdc.operationId = "..."}.
 *
 * <p>Every handler opens one at entry and closes it at exit (try-with-resources): a warm container serves many
 * invocations on the same thread, and a field left behind would be attributed to the next one.
 */
public final class LogContext implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION_ID = "operationId";
    public static final String EXECUTION_ARN = "executionArn";
    public static final String CLUSTER_NAME = "clusterName";

    private final List<String> keys = new ArrayList<>();

    private LogContext() {
    }

    /** Opens the context of an invocation with its Lambda request id (absent when there is no Lambda context). */
    public static LogContext open(Context context) {
        return new LogContext().with(REQUEST_ID, context == null ? null : context.getAwsRequestId());
    }

    /**
     * Opens the context of an invocation whose event carries {@code operationId}, {@code executionArn} and
     * {@code clusterName}, as every workflow step's payload does (statemachines/).
     */
    public static LogContext open(Context context, Map<String, ?> event) {
        return open(context)
                .with(OPERATION_ID, text(event.get(OPERATION_ID)))
                .with(EXECUTION_ARN, text(event.get(EXECUTION_ARN)))
                .with(CLUSTER_NAME, text(event.get(CLUSTER_NAME)));
    }

    /** Adds a field for the rest of the invocation; a null or blank value adds nothing. */
    public LogContext with(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return this;
    }

    /** Removes the fields this context added, and only those. */
    @Override
    public void close() {
        keys.forEach(MDC::remove);
        keys.clear();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
