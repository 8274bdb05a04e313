package dev.ekslifecycle.local.dynamodb.operations;

import dev.ekslifecycle.local.dynamodb.expression.Condition;
import dev.ekslifecycle.local.dynamodb.expression.DocumentPath;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import java.util.List;
import java.util.Map;

/**
 * A write to one item, decided against the item's current state while its lock is held: PutItem, UpdateItem,
 * DeleteItem, or a transaction's ConditionCheck.
 */
interface ItemWrite {

    Table table();

    PrimaryKey key();

    /**
     * The item to store (null to delete it; {@code current} itself to leave it alone).
     *
     * @throws DynamoDbException ConditionalCheckFailedException when the condition does not hold
     */
    Map<String, Value> decide(Map<String, Value> current);

    /** The paths an update changes (for UPDATED_OLD / UPDATED_NEW); empty for other writes. */
    default List<DocumentPath> updatedPaths() {
        return List.of();
    }

    /** Checks {@code condition} (null: none) against the current item (null: none). */
    static void check(Condition condition, Map<String, Value> current, boolean returnOldOnFailure) {
        if (condition != null && !condition.test(current == null ? Map.of() : current)) {
            throw DynamoDbException.conditionFailed(returnOldOnFailure ? current : null);
        }
    }
}
