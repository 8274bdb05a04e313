package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.HistoryEvent;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: a service on a virtual clock that runs a definition to its end. Executions run exactly as in the
 * local cloud; only time is virtual.
 */
final class Workflows implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger MACHINES = new AtomicInteger();

    final VirtualClock clock;
    final StepFunctionsService service;

    Workflows() {
        this(LambdaInvoker.none());
    }

    Workflows(LambdaInvoker invoker) {
        this(invoker, 1);
    }

    /** A service whose random draws (retry jitter) come from {@code seed}. */
    Workflows(LambdaInvoker invoker, long seed) {
        this.clock = SimulationClock.virtual(START);
        this.service = StepFunctionsService.builder(clock).lambdaInvoker(invoker).seed(seed).build();
    }

    /** Creates a state machine from definition text and returns its ARN. */
    String create(String definition) {
        return service.createStateMachine(Json.object().put("name", "m" + MACHINES.incrementAndGet())
                .put("definition", definition).put("roleArn", "arn:aws:iam::000000000000:role/r"))
                .get("stateMachineArn").asText();
    }

    /** Runs {@code definition} on {@code input} until the execution ends. */
    Execution run(String definition, String input) {
        Execution e = service.startExecution(create(definition), null, input);
        awaitQuiet();
        return e;
    }

    void awaitQuiet() {
        try {
            clock.awaitQuiescence(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until no work runs on the clock (timers may still be pending), for a manual clock. */
    void awaitNotBusy() {
        awaitNotBusy(clock);
    }

    /** Waits until no work runs on {@code clock}; on a manual clock, work it already started. */
    static void awaitNotBusy(VirtualClock clock) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (clock.isBusy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("work on the clock did not finish");
            }
            Thread.onSpinWait();
        }
    }

    /** The text of {@code src/test/resources/stepfunctions/NAME}. */
    static String resource(String name) {
        try (InputStream in = Workflows.class.getResourceAsStream("/stepfunctions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource stepfunctions/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    static List<String> eventTypes(Execution e) {
        return e.history().events().stream().map(HistoryEvent::type).toList();
    }

    @Override
    public void close() {
        clock.shutdown();
    }
}
