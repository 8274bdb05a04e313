package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.language.ChoiceRule;
import dev.ekslifecycle.local.stepfunctions.language.ChoiceState;
import dev.ekslifecycle.local.stepfunctions.language.DynamicValue;
import dev.ekslifecycle.local.stepfunctions.language.FailState;
import dev.ekslifecycle.local.stepfunctions.language.PassState;
import dev.ekslifecycle.local.stepfunctions.language.WaitState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Pass, Choice, Wait and Fail: the states that do not call anything. Each returns the state's raw result. */
final class BasicStates {

    private BasicStates() {
    }

    static Outcome pass(PassState state, JsonNode raw, StateContext ctx) {
        if (state.result() != null) {
            return Outcome.done(state.result());
        }
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        return Outcome.done(state.flow().payload(raw, effective, ctx));
    }

    static Outcome choice(BranchRun branch, ChoiceState state, JsonNode raw, StateContext ctx) {
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        for (ChoiceRule rule : state.choices()) {
            if (rule.condition().test(effective, ctx)) {
                branch.choose(rule, rule.next());
                return Outcome.done(effective);
            }
        }
        if (state.defaultNext() == null) {
            throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
        }
        branch.choose(null, state.defaultNext());
        return Outcome.done(effective);
    }

    static Outcome waitState(BranchRun branch, WaitState state, JsonNode raw, StateContext ctx) {
        JsonNode effective = state.flow().effectiveInput(raw, ctx);
        Instant now = branch.engine().clock().instant();
        Instant until;
        if (state.seconds() != null) {
            JsonNode seconds = state.seconds().value(effective, ctx);
            if (!seconds.isNumber() || !seconds.canConvertToExactIntegral() || seconds.longValue() < 0) {
                throw StatesError.runtime("The value of " + state.seconds().field()
                        + " must be a non-negative integer, not " + seconds);
            }
            until = now.plusSeconds(seconds.longValue());
        } else {
            until = timestamp(state.timestamp(), effective, ctx);
        }
        if (!until.isAfter(now) || branch.skipsTo(until)) {
            return Outcome.done(effective);
        }
        BranchRun.Resumer resumer = branch.resumer();
        branch.schedule(until, () -> resumer.resumeNow(Outcome.done(effective)));
        return Outcome.PENDING;
    }

    private static Instant timestamp(DynamicValue value, JsonNode input, StateContext ctx) {
        JsonNode ts = value.value(input, ctx);
        try {
            return OffsetDateTime.parse(ts.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw StatesError.runtime("The value of " + value.field() + " must be an RFC3339 timestamp, not " + ts);
        }
    }

    static Outcome fail(FailState state, JsonNode raw, StateContext ctx) {
        String error = text(state.error(), raw, ctx);
        String cause = text(state.cause(), raw, ctx);
        return Outcome.failed(new StatesError(error, cause));
    }

    private static String text(DynamicValue value, JsonNode raw, StateContext ctx) {
        if (value == null) {
            return null;
        }
        JsonNode v = value.value(raw, ctx);
        if (!v.isTextual()) {
            throw StatesError.runtime("The value of " + value.field() + " must be a string, not " + v);
        }
        return v.textValue();
    }
}
