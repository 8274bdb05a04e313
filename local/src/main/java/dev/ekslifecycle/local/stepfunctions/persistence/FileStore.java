package dev.ekslifecycle.local.stepfunctions.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.StateMachine;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsStore;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.DefinitionReader;
import dev.ekslifecycle.local.stepfunctions.language.InvalidDefinitionException;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionEngine;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.runtime.History;
import dev.ekslifecycle.local.stepfunctions.runtime.HistoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps state machines and executions as JSON files under a directory: {@code machines/<name>.json} and
 * {@code executions/<hex of the ARN>.json}. An execution file holds its history and, while it runs, the top-level
 * state it was in and that state's input, from which it resumes after a restart. Files are replaced atomically, so
 * a crash leaves the previous version.
 */
public final class FileStore implements StepFunctionsStore {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };

    private final Path machines;
    private final Path executions;
    private volatile ExecutionEngine engine;

    public FileStore(Path directory) {
        this.machines = directory.resolve("machines");
        this.executions = directory.resolve("executions");
        try {
            Files.createDirectories(machines);
            Files.createDirectories(executions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine whose executions are saved, asked where a running execution stands. */
    public void attach(ExecutionEngine executionEngine) {
        this.engine = executionEngine;
    }

    @Override
    public void saveMachine(StateMachine m) {
        ObjectNode n = Json.object().put("arn", m.arn()).put("name", m.name()).put("type", m.type())
                .put("definition", m.definitionJson()).put("roleArn", m.roleArn())
                .put("creationDate", m.creationDate().toString()).put("updateDate", m.updateDate().toString())
                .put("revisionId", m.revisionId());
        write(machines.resolve(m.name() + ".json"), n);
    }

    @Override
    public void deleteMachine(String arn) {
        try {
            Files.deleteIfExists(machines.resolve(arn.substring(arn.lastIndexOf(':') + 1) + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void saveExecution(Execution e) {
        if (e.isExpress()) {
            return;
        }
        ObjectNode n = Json.object().put("executionArn", e.executionArn()).put("name", e.name())
                .put("stateMachineArn", e.stateMachineArn()).put("stateMachineName", e.stateMachineName())
                .put("definition", e.definitionJson()).put("roleArn", e.roleArn())
                .put("startDate", e.startDate().toString()).put("status", e.status().name());
        n.set("input", e.input());
        if (e.output() != null) {
            n.set("output", e.output());
        }
        n.put("error", e.error()).put("cause", e.cause());
        if (e.stopDate() != null) {
            n.put("stopDate", e.stopDate().toString());
        }
        ExecutionEngine.StatePosition at = engine == null ? null : engine.position(e);
        if (e.status() == ExecutionStatus.RUNNING && at != null && at.state() != null) {
            n.put("state", at.state());
            n.set("stateInput", at.input());
        }
        ArrayNode events = n.putArray("history");
        for (HistoryEvent ev : e.history().events()) {
            ObjectNode event = events.addObject().put("id", ev.id()).put("previousEventId", ev.previousEventId())
                    .put("timestamp", ev.timestamp().toString()).put("type", ev.type());
            event.set("details", details(ev.details()));
        }
        write(executions.resolve(HexFormat.of().formatHex(e.executionArn().getBytes(StandardCharsets.UTF_8))
                + ".json"), n);
    }

    /** Payloads are kept as the JSON text the API shows, so restored events read exactly as before. */
    private static ObjectNode details(Map<String, Object> details) {
        ObjectNode out = Json.object();
        details.forEach((k, v) -> out.set(k, v instanceof JsonNode j ? Json.NODES.textNode(Json.write(j)) : Json.MAPPER.valueToTree(v)));
        return out;
    }

    @Override
    public List<StateMachine> loadMachines() {
        List<StateMachine> out = new ArrayList<>();
        for (JsonNode n : readAll(machines)) {
            out.add(new StateMachine(n.get("arn").asText(), n.get("name").asText(), n.get("type").asText(),
                    n.get("definition").asText(), parse(n.get("definition").asText()), n.get("roleArn").asText(),
                    Instant.parse(n.get("creationDate").asText()), Instant.parse(n.get("updateDate").asText()),
                    n.get("revisionId").asText()));
        }
        return out;
    }

    @Override
    public List<StoredExecution> loadExecutions() {
        List<StoredExecution> out = new ArrayList<>();
        for (JsonNode n : readAll(executions)) {
            List<HistoryEvent> events = new ArrayList<>();
            for (JsonNode ev : n.get("history")) {
                Map<String, Object> details = new LinkedHashMap<>(Json.MAPPER.convertValue(ev.get("details"), DETAILS));
                events.add(new HistoryEvent(ev.get("id").asLong(), ev.get("previousEventId").asLong(),
                        Instant.parse(ev.get("timestamp").asText()), ev.get("type").asText(), details));
            }
            Execution e = new Execution(n.get("executionArn").asText(), n.get("name").asText(),
                    n.get("stateMachineArn").asText(), n.get("stateMachineName").asText(),
                    n.get("definition").asText(), parse(n.get("definition").asText()), n.get("input"),
                    Instant.parse(n.get("startDate").asText()), n.get("roleArn").asText(), false, new History(events));
            ExecutionStatus status = ExecutionStatus.valueOf(n.get("status").asText());
            if (status != ExecutionStatus.RUNNING) {
                e.restoreOutcome(status, n.get("output"), text(n, "error"), text(n, "cause"),
                        n.hasNonNull("stopDate") ? Instant.parse(n.get("stopDate").asText()) : null);
            }
            out.add(new StoredExecution(e, text(n, "state"), n.has("stateInput") ? n.get("stateInput") : null));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition parse(String definition) {
        try {
            return DefinitionReader.read(definition);
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("a stored definition no longer reads: " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<JsonNode> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Json.parse(Files.readString(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, JsonNode content) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, Json.write(content));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
