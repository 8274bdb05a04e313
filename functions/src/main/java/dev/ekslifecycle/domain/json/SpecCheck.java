package dev.ekslifecycle.domain.json;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.Problem;
import java.util.List;

/**
 * The outcome of checking a cluster spec document: the spec with its defaults applied, and every problem found.
 * The spec is to be used only when {@link #valid()}; it is null when the document was not even an object.
 */
public record SpecCheck(ClusterSpec spec, List<Problem> problems) {

    public SpecCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
