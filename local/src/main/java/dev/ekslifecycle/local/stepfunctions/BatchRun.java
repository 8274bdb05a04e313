package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one definition many times in this process and measures the throughput: what {@code local-cloud.jar run}
 * and the Step Functions benchmark do. At most {@code parallel} executions are in flight at once.
 */
public final class BatchRun {

    /** How a batch went: the first execution (to show its outcome), how many ran and how long they took. */
    public record Result(Execution first, int executions, double seconds) {
        public double perSecond() {
            return executions / seconds;
        }

        /** {@code executions=N seconds=S per_second=X}. */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "executions=%d seconds=%.3f per_second=%.1f", executions,
                    seconds, perSecond());
        }
    }

    private BatchRun() {
    }

    /**
     * Creates a state machine named {@code name} of {@code type} (STANDARD or EXPRESS) and runs it {@code repeat}
     * times on {@code inputJson}.
     *
     * @throws StepFunctionsException when the definition or input is refused
     */
    public static Result run(StepFunctionsService service, String name, String type, String definition,
            String inputJson, int repeat, int parallel) throws InterruptedException {
        String arn = service.createStateMachine(Json.object().put("name", name).put("type", type)
                .put("definition", definition).put("roleArn", "arn:aws:iam::000000000000:role/local-run"))
                .get("stateMachineArn").asText();
        // read once, as a caller holding its input as JSON would; executions never change the trees they are given
        JsonNode input = StepFunctionsService.parseInput(inputJson);
        Semaphore inFlight = new Semaphore(Math.max(1, parallel));
        AtomicReference<Execution> first = new AtomicReference<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(repeat);
        long start = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
            inFlight.acquire();
            Execution e = service.runExecution(arn, "run-" + i, input);
            first.compareAndSet(null, e);
            e.onEnd(ended -> {
                inFlight.release();
                if (remaining.decrementAndGet() == 0) {
                    all.complete(null);
                }
            });
        }
        if (repeat == 0) {
            all.complete(null);
        }
        try {
            all.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return new Result(first.get(), repeat, (System.nanoTime() - start) / 1e9);
    }
}
