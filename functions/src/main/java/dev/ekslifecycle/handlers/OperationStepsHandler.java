package dev.ekslifecycle.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.workflow.OperationLifecycle;
import dev.ekslifecycle.workflow.StepInput;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The bookkeeping steps shared by the workflows (lock, completion, failure), chosen by {@code action}. */
@Named("operation-steps")
public class OperationStepsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    LifecycleMetrics metrics;

    @Inject
    OperationLifecycle lifecycle;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepRunner.run(metrics, event, context, this::step);
    }

    private Map<String, Object> step(String action, StepInput input) {
        return switch (action) {
            case "AcquireLock" -> {
                lifecycle.acquireLock(input);
                yield Map.of("locked", true);
            }
            case "CompleteCreate" -> lifecycle.completeCreate(input);
            case "CompleteDelete" -> lifecycle.completeDelete(input);
            case "RecordFailure" -> {
                lifecycle.recordFailure(input);
                yield Map.of("recorded", true);
            }
            default -> throw new IllegalArgumentException("operation-steps has no action " + action);
        };
    }
}
