package dev.ekslifecycle.local.dynamodb.expression;

import java.util.List;

/**
 * A resolved document path such as {@code a.b[2].c}: attribute names (Strings) and list indexes (Integers), the
 * first always a name.
 */
public record DocumentPath(List<Object> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
    }

    /** The top-level attribute the path starts at. */
    public String attribute() {
        return (String) elements.get(0);
    }

    public int size() {
        return elements.size();
    }

    public Object get(int i) {
        return elements.get(i);
    }

    /** As DynamoDB prints paths in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            Object e = elements.get(i);
            b.append(i == 0 ? "" : ", ").append(e instanceof Integer ? "[" + e + "]" : e);
        }
        return b.append(']').toString();
    }
}
