package dev.ekslifecycle.store.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class's local DynamoDB and the stores on one state table in it, for all its tests. */
abstract class OnLocalStateTable {

    static LocalStateTable local;
    static DynamoDbStateStore store;

    @BeforeAll
    static void startLocalDynamoDb() throws Exception {
        local = new LocalStateTable();
        store = local.newTable();
    }

    @AfterAll
    static void stopLocalDynamoDb() throws Exception {
        local.close();
    }
}
