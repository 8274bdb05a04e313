package dev.ekslifecycle.local.stepfunctions.language;

import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;

/** A top-level Choice rule: its condition, where it leads, and (JSONata) what it assigns and outputs. */
public record ChoiceRule(Condition condition, String next, Assignment assign, JsonataTemplate output) {
}
