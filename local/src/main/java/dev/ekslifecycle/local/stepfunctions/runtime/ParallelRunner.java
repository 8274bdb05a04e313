package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.language.ParallelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Parallel state: every branch gets the same input and the output is the array of their outputs in branch
 * order. The first branch to fail fails the state and stops the others.
 */
final class ParallelRunner {

    private ParallelRunner() {
    }

    static Outcome run(BranchRun branch, ParallelState state, JsonNode raw, StateContext ctx) {
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        JsonNode input = state.flow().payload(raw, effective, ctx);
        branch.engine().record(branch.execution(), "ParallelStateStarted", Map.of());
        return new Group(branch, state, input).start();
    }

    /** The branches of one visit to a Parallel state. */
    private static final class Group {
        private final BranchRun parent;
        private final ParallelState state;
        private final JsonNode input;
        private final JsonNode[] results;
        private final List<BranchRun> branches;
        private final BranchRun.Resumer resumer;
        private int remaining;
        private boolean returned;
        private Outcome early;

        Group(BranchRun parent, ParallelState state, JsonNode input) {
            this.parent = parent;
            this.state = state;
            this.input = input;
            this.results = new JsonNode[state.branches().size()];
            this.branches = new ArrayList<>(results.length);
            this.remaining = results.length;
            this.resumer = parent.resumer();
        }

        Outcome start() {
            parent.onCancel(() -> branches.forEach(BranchRun::cancel));
            for (int i = 0; i < results.length && early == null; i++) {
                int index = i;
                BranchRun b = parent.child(state.branches().get(i), new BranchRun.Listener() {
                    @Override
                    public void succeeded(JsonNode output) {
                        results[index] = output;
                        if (--remaining == 0 && early == null) {
                            end(Outcome.done(Json.arrayOf(results)), "ParallelStateSucceeded");
                        }
                    }

                    @Override
                    public void failed(StatesError error) {
                        if (early == null) {
                            branches.forEach(BranchRun::cancel);
                            end(Outcome.failed(error), "ParallelStateFailed");
                        }
                    }
                });
                branches.add(b);
                b.start(null, input);
            }
            returned = true;
            return early != null ? early : Outcome.PENDING;
        }

        private void end(Outcome outcome, String event) {
            early = outcome;
            parent.engine().record(parent.execution(), event, Map.of());
            if (returned) {
                resumer.resumeNow(outcome);
            }
        }
    }
}
