package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.ValueType;

/** A key attribute of a table or index: its name and scalar type (S, N or B). */
public record KeyAttribute(String name, ValueType type) {
}
