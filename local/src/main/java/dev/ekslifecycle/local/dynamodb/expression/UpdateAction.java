package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.Value;

/** One action of an update expression. */
public sealed interface UpdateAction {

    DocumentPath path();

    record Set(DocumentPath path, SetValue value) implements UpdateAction {
    }

    record Remove(DocumentPath path) implements UpdateAction {
    }

    record Add(DocumentPath path, Value value) implements UpdateAction {
    }

    record Delete(DocumentPath path, Value value) implements UpdateAction {
    }
}
