package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;

/** An item's primary key; {@code range} is {@link KeyOrder#ABSENT} in a table without a sort key. */
public record PrimaryKey(Value hash, Value range) {
}
