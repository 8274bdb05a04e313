package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.assertValidation;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.key;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("accounts", null);
        db.client.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("alice"), "balance", n("100"))));
        db.client.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("bob"), "balance", n("5"))));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private TransactWriteItem debit(String who, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("accounts").key(key(who))
                .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    private TransactWriteItem credit(String who, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("accounts").key(key(who))
                .updateExpression("ADD balance :a").expressionAttributeValues(Map.of(":a", n(amount)))).build();
    }

    private String balance(String who) {
        return db.client.getItem(b -> b.tableName("accounts").key(key(who))).item().get("balance").n();
    }

    @Test
    void allActionsApplyTogether() {
        db.client.transactWriteItems(b -> b.transactItems(debit("alice", "30"), credit("bob", "30"),
                TransactWriteItem.builder().put(p -> p.tableName("accounts").item(Map.of("pk", s("log"), "n", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
        assertEquals("70", balance("alice"));
        assertEquals("35", balance("bob"));
        assertEquals("1", db.client.getItem(b -> b.tableName("accounts").key(key("log"))).item().get("n").n());
    }

    @Test
    void aFailedConditionCancelsEverythingWithOneReasonPerActionInOrder() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> db.client.transactWriteItems(b -> b.transactItems(credit("alice", "30"), debit("bob", "30"),
                        TransactWriteItem.builder().delete(d -> d.tableName("accounts").key(key("carol"))).build())));
        List<CancellationReason> reasons = e.cancellationReasons();
        assertEquals(List.of("None", "ConditionalCheckFailed", "None"),
                reasons.stream().map(CancellationReason::code).toList());
        assertEquals("5", reasons.get(1).item().get("balance").n(), "ALL_OLD returns the item in the reason");
        assertFalse(reasons.get(0).hasItem());
        assertTrue(e.getMessage().startsWith("Transaction cancelled, please refer cancellation reasons for specific "
                + "reasons [None, ConditionalCheckFailed, None]"), e.getMessage());
        assertEquals("100", balance("alice"));
        assertEquals("5", balance("bob"));
    }

    @Test
    void oneItemTwiceIsRefused() {
        assertValidation("Transaction request cannot include multiple operations on one item",
                () -> db.client.transactWriteItems(b -> b.transactItems(credit("alice", "1"), debit("alice", "1"))));
    }

    @Test
    void conditionCheckAndTransactGet() {
        assertThrows(TransactionCanceledException.class, () -> db.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("accounts").key(key("bob"))
                        .conditionExpression("balance > :x").expressionAttributeValues(Map.of(":x", n("10")))).build(),
                credit("alice", "1"))));
        var got = db.client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("accounts").key(key("alice")).projectionExpression("balance")),
                t -> t.get(g -> g.tableName("accounts").key(key("nobody")))));
        assertEquals(Map.of("balance", n("100")), got.responses().get(0).item());
        assertFalse(got.responses().get(1).hasItem());
    }
}
