package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.Assignment;
import dev.ekslifecycle.local.stepfunctions.language.Catcher;
import dev.ekslifecycle.local.stepfunctions.language.ChoiceRule;
import dev.ekslifecycle.local.stepfunctions.language.FailState;
import dev.ekslifecycle.local.stepfunctions.language.Retrier;
import dev.ekslifecycle.local.stepfunctions.language.State;
import dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition;
import dev.ekslifecycle.local.stepfunctions.language.SucceedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one graph of states (the state machine itself, a Parallel branch or a Map iteration) from its StartAt to an
 * end, applying Retry and Catch. It runs states in a loop on the calling thread until one has to wait (a Wait state,
 * a task, a retry interval, a branch); whatever it waits for calls {@link Resumer#resume} later, on the
 * execution's monitor.
 */
final class BranchRun {

    /** Where a branch reports its end. */
    interface Listener {
        void succeeded(JsonNode output);

        void failed(StatesError error);
    }

    /** Continues the branch with the outcome of the state it was waiting for; stale calls are ignored. */
    final class Resumer {
        private final long visit;

        private Resumer(long visit) {
            this.visit = visit;
        }

        /** Posts the outcome to the execution; safe from any thread. */
        void resume(Outcome outcome) {
            engine.post(execution, () -> resumeNow(outcome));
        }

        /** True while the state this resumer belongs to is still waiting for it. */
        boolean isCurrent() {
            return visit == visitCount && waiting && !cancelled && !finished;
        }

        /** Continues at once; the caller must hold the execution's monitor. */
        void resumeNow(Outcome outcome) {
            if (isCurrent()) {
                waiting = false;
                settle(outcome);
                loop();
            }
        }
    }

    private final ExecutionEngine engine;
    private final Execution execution;
    private final StateMachineDefinition graph;
    private final Variables variables;
    private final Listener listener;
    // made on first use: most visits (Pass, Choice) need neither
    private Set<SimulationClock.Timer> timers;
    private List<Runnable> cancelHooks;
    private boolean cancelled;
    private boolean finished;
    private boolean waiting;
    private long visitCount;

    private State state;
    private JsonNode rawInput;
    private StateContext context;
    private int[] retryCounts;
    private ChoiceRule chosen;
    private String chosenNext;

    BranchRun(ExecutionEngine engine, Execution execution, StateMachineDefinition graph, Variables variables,
            Listener listener) {
        this.engine = engine;
        this.execution = execution;
        this.graph = graph;
        this.variables = variables;
        this.listener = listener;
    }

    Execution execution() {
        return execution;
    }

    ExecutionEngine engine() {
        return engine;
    }

    Variables variables() {
        return variables;
    }

    /** Starts at StartAt (or at {@code startState} when resuming) and runs until the first wait or the end. */
    void start(String startState, JsonNode input) {
        if (cancelled) {
            return;
        }
        enter(startState == null ? graph.startAt() : startState, input);
        loop();
    }

    /**
     * A branch nested in this one (Parallel or Map). The state that runs it keeps it and cancels it through
     * {@link #onCancel} when this branch is cancelled.
     */
    BranchRun child(StateMachineDefinition childGraph, Listener childListener) {
        return new BranchRun(engine, execution, childGraph, variables.childScope(), childListener);
    }

    /** The name of the state running now (for persistence). */
    String currentState() {
        return state == null ? null : state.name();
    }

    JsonNode currentInput() {
        return rawInput;
    }

    /** A handle for the state running now to continue the branch later. */
    Resumer resumer() {
        return new Resumer(visitCount);
    }

    /** Runs {@code task} at {@code at} of the clock on the execution's monitor, unless the branch is cancelled. */
    SimulationClock.Timer schedule(Instant at, Runnable task) {
        SimulationClock.Timer[] holder = new SimulationClock.Timer[1];
        holder[0] = engine.clock().schedule(at, () -> engine.runLocked(execution, () -> {
            timers.remove(holder[0]);
            if (!cancelled) {
                task.run();
            }
        }));
        if (timers == null) {
            timers = new HashSet<>();
        }
        timers.add(holder[0]);
        return holder[0];
    }

    /**
     * Whether the state running now can skip a wait until {@code at} and go on on this thread: only the top level
     * may (a Parallel branch or Map iteration has siblings still to run at the current instant), and only when the
     * clock would jump straight to {@code at} anyway (see {@link SimulationClock#skipTo}).
     */
    boolean skipsTo(Instant at) {
        return execution.root == this && engine.clock().skipTo(at);
    }

    /** Runs {@code hook} if the branch is cancelled while the current state waits (or runs nested branches). */
    void onCancel(Runnable hook) {
        if (cancelHooks == null) {
            cancelHooks = new ArrayList<>();
        }
        cancelHooks.add(hook);
    }

    /** Chosen by a Choice state: the rule that matched (null for Default) and the next state. */
    void choose(ChoiceRule rule, String next) {
        this.chosen = rule;
        this.chosenNext = next;
    }

    /** Stops the branch and everything under it: timers, nested branches, waiting tasks. */
    void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        cancelTimers();
        if (cancelHooks != null) {
            cancelHooks.forEach(Runnable::run);
            cancelHooks.clear();
        }
    }

    private void cancelTimers() {
        if (timers != null && !timers.isEmpty()) {
            timers.forEach(SimulationClock.Timer::cancel);
            timers.clear();
        }
    }

    private void enter(String name, JsonNode input) {
        state = graph.state(name);
        rawInput = input;
        Instant now = engine.clock().instant();
        context = new StateContext(execution, name, now, variables, now);
        retryCounts = state.retriers().isEmpty() ? null : new int[state.retriers().size()];
        chosen = null;
        chosenNext = null;
        if (!engine.recording(execution)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("input", input);
        details.put("inputDetails", History.NOT_TRUNCATED);
        engine.record(execution, state.type() + "StateEntered", details);
    }

    private void loop() {
        while (!cancelled && !finished && !waiting) {
            visitCount++;
            if (cancelHooks != null) {
                cancelHooks.clear();
            }
            Outcome outcome;
            try {
                outcome = engine.runners().run(this, state, rawInput, context);
            } catch (StatesError e) {
                outcome = Outcome.failed(e);
            }
            if (outcome instanceof Outcome.Pending) {
                waiting = true;
                if (execution.root == this) {
                    // the top level waits: the moment to save where it stands, to resume there after a restart
                    engine.checkpoint(execution);
                }
                return;
            }
            settle(outcome);
        }
    }

    private void settle(Outcome outcome) {
        // the visit is over: its timeout and heartbeat timers must not pull a virtual clock forward
        cancelTimers();
        if (outcome instanceof Outcome.Done done) {
            try {
                transition(done.result());
            } catch (StatesError e) {
                fail(e);
            }
        } else {
            fail(((Outcome.Failed) outcome).error());
        }
    }

    private void transition(JsonNode result) {
        JsonNode selected = state.flow().selectResult(result, context);
        Assignment assign = chosen != null && chosen.assign() != null ? chosen.assign() : state.assign();
        Map<String, JsonNode> assigned = assign == null ? Map.of()
                : assign.evaluate(rawInput, selected, null, context);
        JsonNode output = chosen != null && chosen.output() != null
                ? chosen.output().evaluate(context.jsonata(rawInput).withResult(selected), "Output")
                : state.flow().output(rawInput, selected, context);
        checkSize(output);
        variables.assign(assigned);
        String next = chosenNext != null ? chosenNext : state.next();
        exit(output, assigned);
        if (state instanceof SucceedState || next == null) {
            finished = true;
            listener.succeeded(output);
        } else {
            enter(next, output);
        }
    }

    private void exit(JsonNode output, Map<String, JsonNode> assigned) {
        if (!engine.recording(execution)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", state.name());
        details.put("output", output);
        details.put("outputDetails", History.NOT_TRUNCATED);
        if (!assigned.isEmpty()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            assigned.forEach((k, v) -> vars.put(k, v));
            details.put("assignedVariables", vars);
        }
        engine.record(execution, state.type() + "StateExited", details);
    }

    private void fail(StatesError error) {
        if (cancelled || finished) {
            return;
        }
        if (!(state instanceof FailState) && !ErrorNames.isTerminal(error.error())) {
            if (retry(error) || catchError(error)) {
                return;
            }
        }
        finished = true;
        listener.failed(error);
    }

    private boolean retry(StatesError error) {
        List<Retrier> retriers = state.retriers();
        for (int i = 0; i < retriers.size(); i++) {
            Retrier r = retriers.get(i);
            if (!r.matches(error.error())) {
                continue;
            }
            if (retryCounts[i] >= r.maxAttempts()) {
                return false;
            }
            Instant at = engine.clock().instant().plus(r.delay(retryCounts[i], engine.jitter(execution)));
            retryCounts[i]++;
            int total = 0;
            for (int c : retryCounts) {
                total += c;
            }
            int retryCount = total;
            if (skipsTo(at)) {
                // loop() runs the state again at once
                context = context.retry(retryCount, at);
                return true;
            }
            waiting = true;
            long visit = visitCount;
            schedule(at, () -> {
                if (visit == visitCount && waiting && !finished) {
                    waiting = false;
                    context = context.retry(retryCount, engine.clock().instant());
                    loop();
                }
            });
            return true;
        }
        return false;
    }

    private boolean catchError(StatesError error) {
        for (Catcher c : state.catchers()) {
            if (!c.matches(error.error())) {
                continue;
            }
            ObjectNode errorOutput = Json.object();
            errorOutput.put("Error", error.error());
            errorOutput.put("Cause", error.cause() == null ? "" : error.cause());
            try {
                Map<String, JsonNode> assigned = c.assign() == null ? Map.of()
                        : c.assign().evaluate(rawInput, null, errorOutput, context);
                JsonNode output = state.flow().catchOutput(rawInput, errorOutput, c, context);
                checkSize(output);
                variables.assign(assigned);
                exit(output, assigned);
                enter(c.next(), output);
            } catch (StatesError e) {
                finished = true;
                listener.failed(e);
            }
            return true;
        }
        return false;
    }

    private void checkSize(JsonNode output) {
        // an unchanged input was checked when it was produced
        if (output != rawInput && Json.exceeds(output, ExecutionEngine.PAYLOAD_LIMIT_BYTES)) {
            throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + state.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
