package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.Map;

/** One item write: {@code item} replaces the item at {@code key} of {@code table}, or deletes it when null. */
public record Mutation(Table table, PrimaryKey key, Map<String, Value> item) {
}
