package dev.ekslifecycle.local.stepfunctions.language;

/** Fail: ends the execution or branch with an error and a cause (either may be absent). */
public final class FailState extends State {

    private final DynamicValue error;
    private final DynamicValue cause;

    FailState(Common common, DynamicValue error, DynamicValue cause) {
        super(common);
        this.error = error;
        this.cause = cause;
    }

    @Override
    public String type() {
        return "Fail";
    }

    /** Error or ErrorPath, or null. */
    public DynamicValue error() {
        return error;
    }

    /** Cause or CausePath, or null. */
    public DynamicValue cause() {
        return cause;
    }
}
