package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.workflow.StepInput;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Runs one workflow step the way every step handler does: inside the invocation's {@link LogContext}, with one log
 * line and one metric saying how it ended and how long it took. A failure is logged and then rethrown unchanged,
 * because the state machines' Retry and Catch match the exception's class name.
 */
final class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    private StepRunner() {
    }

    static Map<String, Object> run(LifecycleMetrics metrics, Map<String, Object> event, Context context,
                                   BiFunction<String, StepInput, Map<String, Object>> step) {
        try (LogContext log = LogContext.open(context, event)) {
            String action = StepInputs.action(event);
            long started = System.nanoTime();
            try {
                Map<String, Object> result = step.apply(action, StepInputs.read(event));
                Duration took = since(started);
                LOG.infof("step %s succeeded in %d ms", action, took.toMillis());
                metrics.stepFinished(action, true, took);
                return result;
            } catch (RuntimeException e) {
                Duration took = since(started);
                LOG.warnf("step %s failed in %d ms: %s: %s", action, took.toMillis(), e.getClass().getSimpleName(),
                        e.getMessage());
                metrics.stepFinished(action, false, took);
                throw e;
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
