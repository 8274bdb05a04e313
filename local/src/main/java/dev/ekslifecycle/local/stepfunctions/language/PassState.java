package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: passes its input (or its {@code Result}, or its Parameters) on. */
public final class PassState extends State {

    private final JsonNode result;

    PassState(Common common, JsonNode result) {
        super(common);
        this.result = result;
    }

    @Override
    public String type() {
        return "Pass";
    }

    /** The fixed {@code Result}, or null. */
    public JsonNode result() {
        return result;
    }
}
