package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.DefinitionReader;
import dev.ekslifecycle.local.stepfunctions.language.Diagnostic;
import dev.ekslifecycle.local.stepfunctions.language.InvalidDefinitionException;
import dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionEngine;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.runtime.History;
import dev.ekslifecycle.local.stepfunctions.runtime.HistoryEvent;
import dev.ekslifecycle.local.stepfunctions.runtime.TaskTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The local Step Functions service: state machines, executions and task tokens, with one method per API operation
 * taking and returning the operation's JSON (as the awsJson1_0 wire carries it). Errors are
 * {@link StepFunctionsException}s with AWS's codes. Build one with {@link #builder}.
 */
public final class StepFunctionsService {

    private final SimulationClock clock;
    private final ExecutionEngine engine;
    private final StepFunctionsStore store;
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, List<Execution>> executionsByMachine = new ConcurrentHashMap<>();

    StepFunctionsService(SimulationClock clock, ExecutionEngine engine, StepFunctionsStore store) {
        this.clock = clock;
        this.engine = engine;
        this.store = store;
        engine.onChange(store::saveExecution);
    }

    /** Starts building a service on {@code clock}. */
    public static StepFunctionsServiceBuilder builder(SimulationClock clock) {
        return new StepFunctionsServiceBuilder(clock);
    }

    public SimulationClock clock() {
        return clock;
    }

    public ExecutionEngine engine() {
        return engine;
    }

    /** An execution by ARN, or null. */
    public Execution execution(String executionArn) {
        return executions.get(executionArn);
    }

    // ---- state machines

    public ObjectNode createStateMachine(JsonNode request) {
        String name = text(request, "name", true);
        Names.checkName(name, "state machine");
        String definitionJson = text(request, "definition", true);
        String roleArn = text(request, "roleArn", true);
        String type = request.path("type").asText("STANDARD");
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw new StepFunctionsException("ValidationException", "type must be STANDARD or EXPRESS");
        }
        StateMachineDefinition definition = parse(definitionJson);
        String arn = Names.stateMachineArn(name);
        synchronized (machines) {
            StateMachine existing = machines.get(arn);
            if (existing != null) {
                if (existing.definitionJson().equals(definitionJson) && existing.roleArn().equals(roleArn)
                        && existing.type().equals(type)) {
                    return created(existing);
                }
                throw new StepFunctionsException("StateMachineAlreadyExists",
                        "State Machine Already Exists: '" + arn + "'");
            }
            Instant now = clock.instant();
            StateMachine machine = new StateMachine(arn, name, type, definitionJson, definition, roleArn, now, now,
                    UUID.randomUUID().toString());
            machines.put(arn, machine);
            store.saveMachine(machine);
            return created(machine);
        }
    }

    private static ObjectNode created(StateMachine machine) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn());
        out.set("creationDate", WireFormat.date(machine.creationDate()));
        return out;
    }

    public ObjectNode describeStateMachine(JsonNode request) {
        StateMachine m = machine(text(request, "stateMachineArn", true));
        ObjectNode out = Json.object();
        out.put("stateMachineArn", m.arn());
        out.put("name", m.name());
        out.put("status", "ACTIVE");
        out.put("definition", m.definitionJson());
        out.put("roleArn", m.roleArn());
        out.put("type", m.type());
        out.set("creationDate", WireFormat.date(m.creationDate()));
        out.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        out.putObject("tracingConfiguration").put("enabled", false);
        out.put("revisionId", m.revisionId());
        return out;
    }

    public ObjectNode describeStateMachineForExecution(JsonNode request) {
        Execution e = execution(request);
        ObjectNode out = Json.object();
        out.put("stateMachineArn", e.stateMachineArn());
        out.put("name", e.stateMachineName());
        out.put("definition", e.definitionJson());
        out.put("roleArn", e.roleArn());
        out.set("updateDate", WireFormat.date(e.startDate()));
        return out;
    }

    public ObjectNode listStateMachines(JsonNode request) {
        List<StateMachine> all = new ArrayList<>(machines.values());
        all.sort(Comparator.comparing(StateMachine::name));
        WireFormat.Page<StateMachine> page = WireFormat.page(all, request, 100);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("stateMachines");
        for (StateMachine m : page.items()) {
            list.addObject().put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type())
                    .set("creationDate", WireFormat.date(m.creationDate()));
        }
        page.writeToken(out);
        return out;
    }

    public ObjectNode updateStateMachine(JsonNode request) {
        String arn = text(request, "stateMachineArn", true);
        String definitionJson = text(request, "definition", false);
        String roleArn = text(request, "roleArn", false);
        if (definitionJson == null && roleArn == null && !request.has("loggingConfiguration")
                && !request.has("tracingConfiguration")) {
            throw new StepFunctionsException("MissingRequiredParameter",
                    "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration "
                            + "must be specified");
        }
        StateMachineDefinition definition = definitionJson == null ? null : parse(definitionJson);
        synchronized (machines) {
            StateMachine m = machine(arn);
            StateMachine updated = new StateMachine(m.arn(), m.name(), m.type(),
                    definitionJson == null ? m.definitionJson() : definitionJson,
                    definition == null ? m.definition() : definition, roleArn == null ? m.roleArn() : roleArn,
                    m.creationDate(), clock.instant(), UUID.randomUUID().toString());
            machines.put(arn, updated);
            store.saveMachine(updated);
            ObjectNode out = Json.object();
            out.set("updateDate", WireFormat.date(updated.updateDate()));
            out.put("revisionId", updated.revisionId());
            return out;
        }
    }

    public ObjectNode deleteStateMachine(JsonNode request) {
        String arn = text(request, "stateMachineArn", true);
        Names.checkArn(arn, "state machine");
        synchronized (machines) {
            if (machines.remove(arn) != null) {
                store.deleteMachine(arn);
            }
        }
        return Json.object();
    }

    public ObjectNode validateStateMachineDefinition(JsonNode request) {
        String definitionJson = text(request, "definition", true);
        List<Diagnostic> problems = DefinitionReader.diagnose(definitionJson);
        ObjectNode out = Json.object();
        out.put("result", problems.isEmpty() ? "OK" : "FAIL");
        ArrayNode list = out.putArray("diagnostics");
        for (Diagnostic d : problems) {
            list.addObject().put("severity", "ERROR").put("code", d.code()).put("message", d.message())
                    .put("location", d.location());
        }
        out.put("truncated", false);
        return out;
    }

    // ---- executions

    public ObjectNode startExecution(JsonNode request) {
        Execution e = start(request, false, false);
        ObjectNode out = Json.object();
        out.put("executionArn", e.executionArn());
        out.set("startDate", WireFormat.date(e.startDate()));
        return out;
    }

    /**
     * Starts an execution by ARN; with {@code name} null a UUID is used. Returns the running execution (or the
     * existing one for a repeated name and input).
     */
    public Execution startExecution(String stateMachineArn, String name, String inputJson) {
        ObjectNode request = Json.object().put("stateMachineArn", stateMachineArn);
        if (name != null) {
            request.put("name", name);
        }
        if (inputJson != null) {
            request.put("input", inputJson);
        }
        return start(request, false, false);
    }

    /**
     * Starts an execution on an input already read (by {@link #parseInput}) and runs it on the calling thread until
     * it ends or first has to wait; for callers that wait for executions anyway (batch runs). An EXPRESS execution
     * runs as StartSyncExecution runs it: not kept once it has ended (AWS cannot describe it either).
     */
    public Execution runExecution(String stateMachineArn, String name, JsonNode input) {
        StateMachine m = machine(stateMachineArn);
        Names.checkName(name, "execution");
        return start(m, name, input, m.isExpress(), true);
    }

    public ObjectNode startSyncExecution(JsonNode request) {
        Execution e = start(request, true, true);
        awaitEnd(clock, e);
        ObjectNode out = describe(e, true);
        out.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds",
                Math.max(100, e.stopDate().toEpochMilli() - e.startDate().toEpochMilli()));
        out.remove("redriveCount");
        out.remove("redriveStatus");
        return out;
    }

    private Execution start(JsonNode request, boolean sync, boolean inline) {
        StateMachine m = machine(text(request, "stateMachineArn", true));
        if (sync && !m.isExpress()) {
            throw new StepFunctionsException("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine");
        }
        String name = text(request, "name", false);
        if (name == null) {
            name = UUID.randomUUID().toString();
        } else {
            Names.checkName(name, "execution");
        }
        String inputText = text(request, "input", false);
        return start(m, name, parseInput(inputText == null ? "{}" : inputText), sync, inline);
    }

    private Execution start(StateMachine m, String name, JsonNode input, boolean sync, boolean inline) {
        String arn = Names.executionArn(m, name);
        Execution execution;
        synchronized (executions) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (!m.isExpress() && existing.status() == ExecutionStatus.RUNNING && existing.input().equals(input)) {
                    return existing;
                }
                throw new StepFunctionsException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            execution = new Execution(arn, name, m.arn(), m.name(), m.definitionJson(), m.definition(), input,
                    clock.instant(), m.roleArn(), m.isExpress(), new History(!m.isExpress()));
            if (!m.isExpress() || !sync) {
                executions.put(arn, execution);
                executionsByMachine.computeIfAbsent(m.arn(), k -> new ArrayList<>()).add(execution);
            }
        }
        engine.start(execution, inline);
        return execution;
    }

    public ObjectNode describeExecution(JsonNode request) {
        return describe(execution(request), false);
    }

    private static ObjectNode describe(Execution e, boolean sync) {
        ObjectNode out = Json.object();
        out.put("executionArn", e.executionArn());
        out.put("stateMachineArn", e.stateMachineArn());
        out.put("name", e.name());
        out.put("status", e.status().name());
        out.set("startDate", WireFormat.date(e.startDate()));
        if (e.stopDate() != null) {
            out.set("stopDate", WireFormat.date(e.stopDate()));
        }
        out.put("input", Json.write(e.input()));
        out.putObject("inputDetails").put("included", true);
        if (e.output() != null) {
            out.put("output", Json.write(e.output()));
            out.putObject("outputDetails").put("included", true);
        }
        if (e.error() != null) {
            out.put("error", e.error());
        }
        if (e.cause() != null) {
            out.put("cause", e.cause());
        }
        if (!sync) {
            out.put("redriveCount", 0);
            out.put("redriveStatus", "NOT_REDRIVABLE");
        }
        return out;
    }

    public ObjectNode listExecutions(JsonNode request) {
        String arn = text(request, "stateMachineArn", true);
        machine(arn);
        String filter = text(request, "statusFilter", false);
        List<Execution> all;
        synchronized (executions) {
            all = new ArrayList<>(executionsByMachine.getOrDefault(arn, List.of()));
        }
        all.removeIf(e -> filter != null && !e.status().name().equals(filter));
        all.sort(Comparator.comparing(Execution::startDate).reversed());
        WireFormat.Page<Execution> page = WireFormat.page(all, request, 100);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("executions");
        for (Execution e : page.items()) {
            ObjectNode item = list.addObject().put("executionArn", e.executionArn())
                    .put("stateMachineArn", e.stateMachineArn()).put("name", e.name()).put("status", e.status().name());
            item.set("startDate", WireFormat.date(e.startDate()));
            if (e.stopDate() != null) {
                item.set("stopDate", WireFormat.date(e.stopDate()));
            }
        }
        page.writeToken(out);
        return out;
    }

    public ObjectNode getExecutionHistory(JsonNode request) {
        Execution e = execution(request);
        List<HistoryEvent> events = new ArrayList<>(e.history().events());
        if (request.path("reverseOrder").asBoolean(false)) {
            java.util.Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        WireFormat.Page<HistoryEvent> page = WireFormat.page(events, request, 1000);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("events");
        page.items().forEach(ev -> list.add(WireFormat.event(ev, includeData)));
        page.writeToken(out);
        return out;
    }

    public ObjectNode stopExecution(JsonNode request) {
        Execution e = execution(request);
        engine.stop(e, text(request, "error", false), text(request, "cause", false));
        ObjectNode out = Json.object();
        out.set("stopDate", WireFormat.date(e.stopDate() == null ? clock.instant() : e.stopDate()));
        return out;
    }

    // ---- task tokens

    public ObjectNode sendTaskSuccess(JsonNode request) {
        String token = text(request, "taskToken", true);
        JsonNode output;
        try {
            output = Json.parse(text(request, "output", true));
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException("InvalidOutput", "Invalid output: " + e.getMessage());
        }
        return refused(engine.tokens().succeed(token, output));
    }

    public ObjectNode sendTaskFailure(JsonNode request) {
        String token = text(request, "taskToken", true);
        return refused(engine.tokens().fail(token, text(request, "error", false), text(request, "cause", false)));
    }

    public ObjectNode sendTaskHeartbeat(JsonNode request) {
        return refused(engine.tokens().heartbeat(text(request, "taskToken", true)));
    }

    private static ObjectNode refused(TaskTokens.Refusal refusal) {
        if (refusal == TaskTokens.Refusal.INVALID_TOKEN) {
            throw new StepFunctionsException("InvalidToken", "Invalid Token");
        }
        if (refusal == TaskTokens.Refusal.TASK_TIMED_OUT) {
            throw new StepFunctionsException("TaskTimedOut", "Task Timed Out");
        }
        return Json.object();
    }

    public ObjectNode testState(JsonNode request) {
        return new StateTester(clock, engine).test(text(request, "definition", true),
                parseInput(request.path("input").asText("{}")), text(request, "roleArn", false));
    }

    // ---- helpers

    /**
     * Blocks until {@code e} ends. The wait happens outside any busy section of the clock (a caller serving an HTTP
     * request is inside one), so a virtual clock can run the execution's timers meanwhile.
     */
    static void awaitEnd(SimulationClock clock, Execution e) {
        CompletableFuture<Execution> ended = new CompletableFuture<>();
        e.onEnd(ended::complete);
        clock.awaitOutsideBusy(() -> {
            try {
                ended.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private StateMachine machine(String arn) {
        Names.checkArn(arn, "state machine");
        StateMachine m = machines.get(arn);
        if (m == null) {
            throw new StepFunctionsException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return m;
    }

    private Execution execution(JsonNode request) {
        String arn = text(request, "executionArn", true);
        Names.checkArn(arn, "execution");
        Execution e = executions.get(arn);
        if (e == null) {
            throw new StepFunctionsException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return e;
    }

    static StateMachineDefinition parse(String definitionJson) {
        try {
            return DefinitionReader.read(definitionJson);
        } catch (InvalidDefinitionException e) {
            throw new StepFunctionsException("InvalidDefinition", e.getMessage());
        }
    }

    /**
     * Reads an execution input as StartExecution does.
     *
     * @throws StepFunctionsException {@code InvalidExecutionInput} when it is not JSON or is too large
     */
    public static JsonNode parseInput(String text) {
        if (text.length() > ExecutionEngine.PAYLOAD_LIMIT_BYTES) {
            throw new StepFunctionsException("InvalidExecutionInput", "The input exceeds 262144 bytes");
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getMessage() + "'");
        }
    }

    private static String text(JsonNode request, String field, boolean required) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new StepFunctionsException("ValidationException", "1 validation error detected: Value null at '"
                        + field + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new StepFunctionsException("SerializationException", "'" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** Restores what the store holds and resumes the executions that were running. */
    void restore() {
        for (StateMachine m : store.loadMachines()) {
            machines.put(m.arn(), m);
        }
        for (StepFunctionsStore.StoredExecution stored : store.loadExecutions()) {
            Execution e = stored.execution();
            executions.put(e.executionArn(), e);
            executionsByMachine.computeIfAbsent(e.stateMachineArn(), k -> new ArrayList<>()).add(e);
            if (e.status() == ExecutionStatus.RUNNING) {
                engine.resume(e, stored.state(), stored.stateInput());
            }
        }
    }
}
