package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.DynamicValue;
import dev.ekslifecycle.local.stepfunctions.language.MapState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Map state: one iteration per item, at most MaxConcurrency at a time (0: all), results in item order. An
 * iteration's failure fails the state unless ToleratedFailureCount/Percentage allow it; past the threshold the state
 * fails with {@code States.ExceedToleratedFailureThreshold}.
 */
final class MapRunner {

    private MapRunner() {
    }

    static Outcome run(BranchRun branch, MapState state, JsonNode raw, StateContext ctx) {
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        JsonNode items = state.items() == null ? effective : state.items().value(effective, ctx);
        if (!items.isArray()) {
            throw StatesError.runtime("The Map state '" + branch.currentState()
                    + "' needs an array of items, not " + items.getNodeType());
        }
        int max = (int) number(state.maxConcurrency(), effective, ctx, 0);
        long toleratedCount = number(state.toleratedFailureCount(), effective, ctx, -1);
        double toleratedPercentage = number(state.toleratedFailurePercentage(), effective, ctx, -1);
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("length", items.size());
        branch.engine().record(branch.execution(), "MapStateStarted", started);
        return new Iterations(branch, state, effective, (ArrayNode) items, ctx,
                max, toleratedCount, toleratedPercentage).start();
    }

    private static long number(DynamicValue value, JsonNode input, StateContext ctx, long absent) {
        if (value == null) {
            return absent;
        }
        JsonNode v = value.value(input, ctx);
        if (!v.isNumber() || v.doubleValue() < 0) {
            throw StatesError.runtime("The value of " + value.field() + " must be a non-negative number, not " + v);
        }
        return value.field().startsWith("ToleratedFailurePercentage") ? Math.round(v.doubleValue()) : v.longValue();
    }

    /** The iterations of one visit to a Map state. */
    private static final class Iterations {
        private final BranchRun parent;
        private final MapState state;
        private final JsonNode input;
        private final ArrayNode items;
        private final StateContext ctx;
        private final int max;
        private final long toleratedCount;
        private final double toleratedPercentage;
        private final JsonNode[] results;
        private final List<BranchRun> running;
        private final BranchRun.Resumer resumer;
        private int next;
        private int active;
        private int completed;
        private int failures;
        private boolean pumping;
        private boolean returned;
        private Outcome end;

        Iterations(BranchRun parent, MapState state, JsonNode input, ArrayNode items, StateContext ctx, int max,
                long toleratedCount, double toleratedPercentage) {
            this.parent = parent;
            this.state = state;
            this.input = input;
            this.items = items;
            this.ctx = ctx;
            this.max = max <= 0 ? Integer.MAX_VALUE : max;
            this.toleratedCount = toleratedCount;
            this.toleratedPercentage = toleratedPercentage;
            this.results = new JsonNode[items.size()];
            this.running = new ArrayList<>(results.length);
            this.resumer = parent.resumer();
        }

        Outcome start() {
            parent.onCancel(() -> running.forEach(BranchRun::cancel));
            pump();
            returned = true;
            return end != null ? end : Outcome.PENDING;
        }

        /** Starts iterations up to the concurrency limit; iterations that end at once are counted on the way. */
        private void pump() {
            if (pumping) {
                return;
            }
            pumping = true;
            try {
                while (end == null && next < results.length && active < max) {
                    startIteration(next++);
                }
            } finally {
                pumping = false;
            }
            if (end == null && completed == results.length) {
                finish(Outcome.done(Json.arrayOf(results)), "MapStateSucceeded");
            }
        }

        private void startIteration(int index) {
            JsonNode item = items.get(index);
            JsonNode iterationInput = state.selectItem(input, item, ctx.forMapItem(index, item));
            record("MapIterationStarted", index);
            active++;
            BranchRun iteration = parent.child(state.processor(), new BranchRun.Listener() {
                @Override
                public void succeeded(JsonNode output) {
                    results[index] = output;
                    record("MapIterationSucceeded", index);
                    done();
                }

                @Override
                public void failed(StatesError error) {
                    record("MapIterationFailed", index);
                    failures++;
                    if (tolerates()) {
                        ObjectNode errorOutput = Json.object();
                        errorOutput.put("Error", error.error());
                        errorOutput.put("Cause", error.cause());
                        results[index] = errorOutput;
                        done();
                        return;
                    }
                    running.forEach(BranchRun::cancel);
                    StatesError cause = toleratedCount >= 0 || toleratedPercentage >= 0
                            ? new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                                    "The specified tolerated failure threshold was exceeded")
                            : error;
                    finish(Outcome.failed(cause), "MapStateFailed");
                }
            });
            running.add(iteration);
            iteration.start(null, iterationInput);
        }

        private boolean tolerates() {
            boolean byCount = toleratedCount >= 0 && failures <= toleratedCount;
            boolean byPercentage = toleratedPercentage >= 0
                    && failures * 100.0 / Math.max(1, results.length) <= toleratedPercentage;
            return byCount || byPercentage;
        }

        private void done() {
            if (end != null) {
                return;
            }
            active--;
            completed++;
            pump();
        }

        private void finish(Outcome outcome, String event) {
            if (end != null) {
                return;
            }
            end = outcome;
            parent.engine().record(parent.execution(), event, Map.of());
            if (returned) {
                resumer.resumeNow(outcome);
            }
        }

        private void record(String type, int index) {
            if (!parent.engine().recording(parent.execution())) {
                return;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", parent.currentState());
            d.put("index", index);
            parent.engine().record(parent.execution(), type, d);
        }
    }
}
