package dev.ekslifecycle.local.stepfunctions.language;

import java.util.List;

/** One state of a definition, with what every state type shares; subclasses add what their type needs. */
public abstract sealed class State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    private final Common common;

    State(Common common) {
        this.common = common;
    }

    /** The fields every state has, as read by {@link DefinitionReader}. */
    record Common(String name, QueryLanguage language, String next, boolean end, DataFlow flow, Assignment assign,
            List<Retrier> retriers, List<Catcher> catchers) {
    }

    /** The type as written in the definition and used in history event names: Pass, Task, Map, ... */
    public abstract String type();

    public String name() {
        return common.name;
    }

    public QueryLanguage language() {
        return common.language;
    }

    /** The next state, or null for an end state (and for Choice, Succeed and Fail). */
    public String next() {
        return common.next;
    }

    public DataFlow flow() {
        return common.flow;
    }

    /** The Assign field, or null. */
    public Assignment assign() {
        return common.assign;
    }

    public List<Retrier> retriers() {
        return common.retriers;
    }

    public List<Catcher> catchers() {
        return common.catchers;
    }
}
