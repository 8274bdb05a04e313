package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Runs executions on the simulation clock: every step of an execution is a task of the clock's pool holding the
 * execution's monitor, and every wait (Wait states, retry intervals, timeouts) is a clock timer, so a virtual clock
 * runs hours of workflow in milliseconds.
 */
public final class ExecutionEngine {

    /** The 256 KiB limit on every state's input and output and on task results. */
    public static final long PAYLOAD_LIMIT_BYTES = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(ExecutionEngine.class.getName());

    private final SimulationClock clock;
    private final TaskDispatcher tasks;
    private final TaskTokens tokens = new TaskTokens();
    private final StateRunners runners = new StateRunners();
    private final long seed;
    private volatile Consumer<Execution> onChange = e -> { };

    /** @param seed where every execution's retry jitter comes from, so that a run replays exactly */
    public ExecutionEngine(SimulationClock clock, TaskDispatcher tasks, long seed) {
        this.clock = clock;
        this.tasks = tasks;
        this.seed = seed;
    }

    public SimulationClock clock() {
        return clock;
    }

    public TaskTokens tokens() {
        return tokens;
    }

    TaskDispatcher tasks() {
        return tasks;
    }

    StateRunners runners() {
        return runners;
    }

    /**
     * The random source of {@code execution}'s retry jitter: one per execution, from the seed and the execution's
     * ARN, so an execution draws the same delays whatever other executions run beside it. Used on the execution's
     * monitor.
     */
    RandomGenerator jitter(Execution execution) {
        if (execution.jitter == null) {
            execution.jitter = new SplittableRandom(seed * 1_000_003L + execution.executionArn().hashCode());
        }
        return execution.jitter;
    }

    /** Called (on the execution's monitor) when an execution starts, waits at its top level or ends: for persistence. */
    public void onChange(Consumer<Execution> listener) {
        this.onChange = listener;
    }

    /** Starts a new execution: records ExecutionStarted and runs its first states on the clock's pool. */
    public void start(Execution execution) {
        start(execution, false);
    }

    /**
     * Starts a new execution; with {@code inline} its first states run on the calling thread (inside a busy section
     * of the clock) until it ends or first waits, which saves two thread hand-offs per execution when a caller
     * waits for the execution anyway (StartSyncExecution, batch runs).
     */
    public void start(Execution execution, boolean inline) {
        synchronized (execution) {
            recordStarted(execution);
        }
        resume(execution, null, execution.input(), inline);
    }

    private void recordStarted(Execution execution) {
        if (recording(execution)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("input", execution.input());
            d.put("inputDetails", History.NOT_TRUNCATED);
            d.put("roleArn", execution.roleArn());
            d.put("stateMachineArn", execution.stateMachineArn());
            record(execution, "ExecutionStarted", d);
        }
    }

    /**
     * Runs an execution from {@code state} with {@code input}: from StartAt for a new one, from the state it was in
     * for one resumed after a restart.
     */
    public void resume(Execution execution, String state, JsonNode input) {
        resume(execution, state, input, false);
    }

    private void resume(Execution execution, String state, JsonNode input, boolean inline) {
        // busy from the timeout timer until the first states are under way, so a virtual clock cannot jump to the
        // timeout before the execution has started
        try (SimulationClock.Busy ignored = clock.enterBusy()) {
            startRoot(execution, state, input, inline);
        }
    }

    private void startRoot(Execution execution, String state, JsonNode input, boolean inline) {
        BranchRun root;
        synchronized (execution) {
            Integer timeout = execution.definition().timeoutSeconds();
            if (timeout != null) {
                execution.timeout = clock.schedule(execution.startDate().plusSeconds(timeout),
                        () -> end(execution, ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT,
                                "The execution timed out after " + timeout + " seconds"));
            }
            root = new BranchRun(this, execution, execution.definition(), new Variables(),
                    new BranchRun.Listener() {
                        @Override
                        public void succeeded(JsonNode output) {
                            endLocked(execution, ExecutionStatus.SUCCEEDED, output, null, null);
                        }

                        @Override
                        public void failed(StatesError error) {
                            endLocked(execution, ExecutionStatus.FAILED, null, error.error(), error.cause());
                        }
                    });
            execution.root = root;
            onChange.accept(execution);
        }
        if (inline) {
            runLocked(execution, () -> root.start(state, input));
        } else {
            post(execution, () -> root.start(state, input));
        }
    }

    /** Stops a running execution (StopExecution); false when it had already ended. */
    public boolean stop(Execution execution, String error, String cause) {
        return end(execution, ExecutionStatus.ABORTED, null, error, cause);
    }

    /** The state a running execution's top level is in, and that state's input (for persistence). */
    public StatePosition position(Execution execution) {
        synchronized (execution) {
            BranchRun root = execution.root;
            return root == null ? null : new StatePosition(root.currentState(), root.currentInput());
        }
    }

    /** Where an execution's top level stands. */
    public record StatePosition(String state, JsonNode input) {
    }

    private boolean end(Execution execution, ExecutionStatus status, JsonNode output, String error, String cause) {
        boolean[] ended = new boolean[1];
        runLocked(execution, () -> ended[0] = endLocked(execution, status, output, error, cause));
        return ended[0];
    }

    private boolean endLocked(Execution execution, ExecutionStatus status, JsonNode output, String error,
            String cause) {
        if (!execution.end(status, output, error, cause, clock.instant())) {
            return false;
        }
        if (recording(execution)) {
            recordEnd(execution, status, output, error, cause);
        }
        onChange.accept(execution);
        return true;
    }

    private void recordEnd(Execution execution, ExecutionStatus status, JsonNode output, String error,
            String cause) {
        Map<String, Object> d = new LinkedHashMap<>();
        switch (status) {
            case SUCCEEDED -> {
                d.put("output", output);
                d.put("outputDetails", History.NOT_TRUNCATED);
            }
            default -> {
                if (error != null) {
                    d.put("error", error);
                }
                if (cause != null) {
                    d.put("cause", cause);
                }
            }
        }
        String type = switch (status) {
            case SUCCEEDED -> "ExecutionSucceeded";
            case FAILED -> "ExecutionFailed";
            case TIMED_OUT -> "ExecutionTimedOut";
            default -> "ExecutionAborted";
        };
        record(execution, type, d);
    }

    /** Runs {@code work} for an execution on the clock's pool, holding its monitor. */
    void post(Execution execution, Runnable work) {
        clock.execute(() -> runLocked(execution, work));
    }

    /** Runs {@code work} now holding the execution's monitor; end listeners run after it is released. */
    void runLocked(Execution execution, Runnable work) {
        synchronized (execution) {
            try {
                work.run();
            } catch (StatesError e) {
                endLocked(execution, ExecutionStatus.FAILED, null, e.error(), e.cause());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "execution " + execution.executionArn() + " failed unexpectedly", e);
                endLocked(execution, ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, String.valueOf(e));
            }
        }
        if (execution.status() != ExecutionStatus.RUNNING) {
            List<Consumer<Execution>> listeners = execution.takeListeners();
            listeners.forEach(l -> l.accept(execution));
        }
    }

    /** Saves a running execution where it stands (its top level waits for something). */
    void checkpoint(Execution execution) {
        onChange.accept(execution);
    }

    /** Whether events of this execution are kept; when not, callers skip building their details. */
    boolean recording(Execution execution) {
        return execution.history().isRecording();
    }

    void record(Execution execution, String type, Map<String, Object> details) {
        execution.history().add(clock.instant(), type, details);
    }
}
