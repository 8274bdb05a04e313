package dev.ekslifecycle.local.stepfunctions.language;

/** Succeed: ends the execution or branch successfully. */
public final class SucceedState extends State {

    SucceedState(Common common) {
        super(common);
    }

    @Override
    public String type() {
        return "Succeed";
    }
}
