package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One execution of a state machine: what it was started with, its history and, once it ends, its outcome. All of an
 * execution's work runs while holding its monitor, so its branches never race each other.
 */
public final class Execution {

    private final String executionArn;
    private final String name;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String definitionJson;
    private final StateMachineDefinition definition;
    private final JsonNode input;
    private final Instant startDate;
    private final String roleArn;
    private final boolean express;
    private final History history;

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private JsonNode output;
    private String error;
    private String cause;
    private Instant stopDate;
    BranchRun root;
    SimulationClock.Timer timeout;
    RandomGenerator jitter;
    private final List<Consumer<Execution>> listeners = new ArrayList<>();
    private ObjectNode contextBase;

    public Execution(String executionArn, String name, String stateMachineArn, String stateMachineName,
            String definitionJson, StateMachineDefinition definition, JsonNode input, Instant startDate,
            String roleArn, boolean express, History history) {
        this.executionArn = executionArn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.definitionJson = definitionJson;
        this.definition = definition;
        this.input = input;
        this.startDate = startDate;
        this.roleArn = roleArn;
        this.express = express;
        this.history = history;
    }

    public String executionArn() {
        return executionArn;
    }

    public String name() {
        return name;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public String definitionJson() {
        return definitionJson;
    }

    public StateMachineDefinition definition() {
        return definition;
    }

    public JsonNode input() {
        return input;
    }

    public Instant startDate() {
        return startDate;
    }

    public String roleArn() {
        return roleArn;
    }

    public boolean isExpress() {
        return express;
    }

    public History history() {
        return history;
    }

    /**
     * The parts of the context object that never change during the execution ({@code Execution},
     * {@code StateMachine}), built once and shared by every state's context object.
     */
    synchronized ObjectNode contextBase() {
        if (contextBase == null) {
            ObjectNode c = dev.ekslifecycle.local.stepfunctions.json.Json.object();
            ObjectNode e = c.putObject("Execution");
            e.put("Id", executionArn);
            e.set("Input", input);
            e.put("Name", name);
            e.put("RoleArn", roleArn);
            e.put("StartTime", startDate.toString());
            e.put("RedriveCount", 0);
            c.putObject("StateMachine").put("Id", stateMachineArn).put("Name", stateMachineName);
            contextBase = c;
        }
        return contextBase;
    }

    public synchronized ExecutionStatus status() {
        return status;
    }

    /** The output once SUCCEEDED, else null. */
    public synchronized JsonNode output() {
        return output;
    }

    public synchronized String error() {
        return error;
    }

    public synchronized String cause() {
        return cause;
    }

    public synchronized Instant stopDate() {
        return stopDate;
    }

    /** Calls {@code listener} once the execution has ended (at once if it already has). */
    public void onEnd(Consumer<Execution> listener) {
        boolean ended;
        synchronized (this) {
            ended = status != ExecutionStatus.RUNNING;
            if (!ended) {
                listeners.add(listener);
            }
        }
        if (ended) {
            listener.accept(this);
        }
    }

    /** Sets the final outcome; false when the execution had already ended. Listeners run after the monitor is left. */
    boolean end(ExecutionStatus finalStatus, JsonNode finalOutput, String finalError, String finalCause,
            Instant at) {
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING) {
                return false;
            }
            status = finalStatus;
            output = finalOutput;
            error = finalError;
            cause = finalCause;
            stopDate = at;
            if (root != null) {
                root.cancel();
                // an ended execution keeps only its outcome and history: its branches, iterations and their
                // inputs would otherwise stay reachable for as long as the execution can be described
                root = null;
            }
            if (timeout != null) {
                timeout.cancel();
            }
        }
        return true;
    }

    List<Consumer<Execution>> takeListeners() {
        synchronized (this) {
            List<Consumer<Execution>> out = List.copyOf(listeners);
            listeners.clear();
            return out;
        }
    }

    /** Restores a finished execution's outcome read back from disk. */
    public synchronized void restoreOutcome(ExecutionStatus restoredStatus, JsonNode restoredOutput,
            String restoredError, String restoredCause, Instant restoredStopDate) {
        status = restoredStatus;
        output = restoredOutput;
        error = restoredError;
        cause = restoredCause;
        stopDate = restoredStopDate;
    }
}
