package dev.ekslifecycle.local.stepfunctions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;

/** How a state's work ended: with a result, with an error, or not yet (it will resume the branch later). */
sealed interface Outcome {

    Outcome PENDING = new Pending();

    static Outcome done(JsonNode result) {
        return new Done(result);
    }

    static Outcome failed(StatesError error) {
        return new Failed(error);
    }

    record Done(JsonNode result) implements Outcome {
    }

    record Failed(StatesError error) implements Outcome {
    }

    record Pending() implements Outcome {
    }
}
