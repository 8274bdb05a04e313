package dev.ekslifecycle.local.stepfunctions.language;

import java.util.List;

/** Choice: the first rule whose condition holds picks the next state, else {@code Default}. */
public final class ChoiceState extends State {

    private final List<ChoiceRule> choices;
    private final String defaultNext;

    ChoiceState(Common common, List<ChoiceRule> choices, String defaultNext) {
        super(common);
        this.choices = choices;
        this.defaultNext = defaultNext;
    }

    @Override
    public String type() {
        return "Choice";
    }

    public List<ChoiceRule> choices() {
        return choices;
    }

    /** The Default state, or null (then no match is States.NoChoiceMatched). */
    public String defaultNext() {
        return defaultNext;
    }
}
