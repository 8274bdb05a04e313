package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.language.ChoiceState;
import dev.ekslifecycle.local.stepfunctions.language.FailState;
import dev.ekslifecycle.local.stepfunctions.language.MapState;
import dev.ekslifecycle.local.stepfunctions.language.ParallelState;
import dev.ekslifecycle.local.stepfunctions.language.PassState;
import dev.ekslifecycle.local.stepfunctions.language.State;
import dev.ekslifecycle.local.stepfunctions.language.SucceedState;
import dev.ekslifecycle.local.stepfunctions.language.TaskState;
import dev.ekslifecycle.local.stepfunctions.language.WaitState;

/** Runs one visit to a state by its type and returns its raw result (before ResultSelector/ResultPath/Output). */
final class StateRunners {

    Outcome run(BranchRun branch, State state, JsonNode raw, StateContext ctx) {
        if (state instanceof PassState s) {
            return BasicStates.pass(s, raw, ctx);
        }
        if (state instanceof TaskState s) {
            return TaskRunner.run(branch, s, raw, ctx);
        }
        if (state instanceof ChoiceState s) {
            return BasicStates.choice(branch, s, raw, ctx);
        }
        if (state instanceof WaitState s) {
            return BasicStates.waitState(branch, s, raw, ctx);
        }
        if (state instanceof SucceedState s) {
            return Outcome.done(s.flow().effectiveInput(raw, ctx));
        }
        if (state instanceof FailState s) {
            return BasicStates.fail(s, raw, ctx);
        }
        if (state instanceof ParallelState s) {
            return ParallelRunner.run(branch, s, raw, ctx);
        }
        return MapRunner.run(branch, (MapState) state, raw, ctx);
    }
}
