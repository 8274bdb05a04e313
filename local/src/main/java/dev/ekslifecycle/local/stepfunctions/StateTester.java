package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.StateMachineDefinition;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionEngine;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.runtime.History;
import dev.ekslifecycle.local.stepfunctions.runtime.HistoryEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TestState: runs one state on its own. The state is wrapped in a one-state machine whose transitions lead to
 * placeholder end states, so the executor reports where it would have gone ({@code nextState}) and whether an error
 * was caught ({@code CAUGHT_ERROR}) or would be retried ({@code RETRIABLE}) instead of following it.
 */
final class StateTester {

    private static final String UNDER_TEST = "StateUnderTest";

    private final SimulationClock clock;
    private final ExecutionEngine engine;

    StateTester(SimulationClock clock, ExecutionEngine engine) {
        this.clock = clock;
        this.engine = engine;
    }

    ObjectNode test(String stateJson, JsonNode input, String roleArn) {
        JsonNode parsed;
        try {
            parsed = Json.parse(stateJson);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException("InvalidDefinition", "The state definition is not JSON: " + e.getMessage());
        }
        if (!parsed.isObject()) {
            throw new StepFunctionsException("InvalidDefinition", "The state definition must be an object");
        }
        ObjectNode state = ((ObjectNode) parsed).deepCopy();
        Map<String, String> placeholders = new HashMap<>();
        ObjectNode states = Json.object();
        String next = state.path("Next").asText(null);
        if (next != null) {
            state.remove("Next");
            state.put("End", true);
        }
        redirect(state.get("Catch"), "Caught", placeholders, states);
        redirect(state.get("Choices"), "Chosen", placeholders, states);
        if (state.has("Default")) {
            String target = state.get("Default").asText();
            state.put("Default", placeholder("Default", target, placeholders, states));
        }
        JsonNode retry = state.remove("Retry");
        states.set(UNDER_TEST, state);
        ObjectNode machine = Json.object().put("StartAt", UNDER_TEST);
        machine.set("States", states);
        StateMachineDefinition definition = StepFunctionsService.parse(Json.write(machine));

        String name = UUID.randomUUID().toString();
        Execution execution = new Execution("arn:aws:states:us-east-1:000000000000:express:TestState:" + name, name,
                "arn:aws:states:us-east-1:000000000000:stateMachine:TestState", "TestState", Json.write(machine),
                definition, input, clock.instant(), roleArn == null ? "" : roleArn, true, new History(true));
        engine.start(execution);
        StepFunctionsService.awaitEnd(clock, execution);
        return result(execution, next, placeholders, retry);
    }

    private static void redirect(JsonNode rules, String prefix, Map<String, String> placeholders, ObjectNode states) {
        if (rules instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ObjectNode rule && rule.has("Next")) {
                    rule.put("Next", placeholder(prefix + i, rule.get("Next").asText(), placeholders, states));
                }
            }
        }
    }

    private static String placeholder(String name, String target, Map<String, String> placeholders,
            ObjectNode states) {
        placeholders.put(name, target);
        states.putObject(name).put("Type", "Succeed");
        return name;
    }

    private static ObjectNode result(Execution e, String next, Map<String, String> placeholders, JsonNode retry) {
        ObjectNode out = Json.object();
        List<HistoryEvent> events = e.history().events();
        String lastEntered = null;
        for (HistoryEvent ev : events) {
            if (ev.type().endsWith("StateEntered")) {
                lastEntered = String.valueOf(ev.details().get("name"));
            }
        }
        if (e.status() == ExecutionStatus.SUCCEEDED) {
            out.put("output", Json.write(e.output()));
            String target = placeholders.get(lastEntered);
            boolean caught = lastEntered != null && lastEntered.startsWith("Caught");
            out.put("status", caught ? "CAUGHT_ERROR" : "SUCCEEDED");
            String nextState = target != null ? target : next;
            if (nextState != null) {
                out.put("nextState", nextState);
            }
            return out;
        }
        out.put("error", e.error());
        if (e.cause() != null) {
            out.put("cause", e.cause());
        }
        out.put("status", retriable(retry, e.error()) ? "RETRIABLE" : "FAILED");
        return out;
    }

    private static boolean retriable(JsonNode retry, String error) {
        if (retry == null || !retry.isArray()) {
            return false;
        }
        for (JsonNode r : retry) {
            for (JsonNode pattern : r.path("ErrorEquals")) {
                if (ErrorNames.matches(pattern.asText(), error)) {
                    return r.path("MaxAttempts").asInt(3) > 0;
                }
            }
        }
        return false;
    }
}
