package dev.ekslifecycle.local.stepfunctions.language;

import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;
import java.util.List;

/** One {@code Catch} entry: where to go on a matching error and how to shape the error output. */
public record Catcher(List<String> errorEquals, String next, JsonPathFlow.PathField resultPath,
        JsonataTemplate output, Assignment assign) {

    public boolean matches(String error) {
        return ErrorNames.matchesAny(errorEquals, error);
    }
}
