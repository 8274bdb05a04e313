package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Runs a blocking service call on the clock's pool, so the execution that made it never blocks. */
final class OnClock {

    private OnClock() {
    }

    /**
     * Runs {@code call} on the pool; it completes the returned future itself (possibly later, from a timer). A
     * {@link StatesError} it throws fails the future as it is, any other exception as {@code States.TaskFailed}.
     */
    static CompletableFuture<JsonNode> run(SimulationClock clock, Consumer<CompletableFuture<JsonNode>> call) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        clock.execute(() -> {
            try {
                call.accept(result);
            } catch (StatesError e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(new StatesError(ErrorNames.TASK_FAILED, String.valueOf(e)));
            }
        });
        return result;
    }
}
