package dev.ekslifecycle.local.stepfunctions.language;

import java.util.List;

/** Parallel: runs every branch on the same input; the output is the array of their outputs. */
public final class ParallelState extends State {

    private final List<StateMachineDefinition> branches;

    ParallelState(Common common, List<StateMachineDefinition> branches) {
        super(common);
        this.branches = branches;
    }

    @Override
    public String type() {
        return "Parallel";
    }

    public List<StateMachineDefinition> branches() {
        return branches;
    }
}
