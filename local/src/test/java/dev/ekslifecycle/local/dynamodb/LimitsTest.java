package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.assertValidation;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Item and key size limits, the 1 MB page, and set rules. */
class LimitsTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("big", ScalarAttributeType.N);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void itemAndKeySizes() {
        String almost = "x".repeat(400 * 1024 - 20);
        db.client.putItem(b -> b.tableName("big").item(Map.of("pk", s("a"), "sk", n("1"), "d", s(almost))));
        assertValidation("Item size has exceeded the maximum allowed size", () -> db.client.putItem(b -> b
                .tableName("big").item(Map.of("pk", s("a"), "sk", n("2"), "d", s(almost + "x".repeat(30))))));
        assertValidation("Item size to update has exceeded the maximum allowed size", () -> db.client.updateItem(b -> b
                .tableName("big").key(Map.of("pk", s("a"), "sk", n("1"))).updateExpression("SET e = :e")
                .expressionAttributeValues(Map.of(":e", s("y".repeat(100))))));
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                + "limit of2048 bytes", () -> db.client.putItem(b -> b.tableName("big")
                .item(Map.of("pk", s("k".repeat(2049)), "sk", n("1")))));
        assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                + "contain an empty string value. Key: pk", () -> db.client.getItem(b -> b.tableName("big")
                .key(Map.of("pk", s(""), "sk", n("1")))));
    }

    @Test
    void pagesStopAtOneMegabyte() {
        String body = "b".repeat(100 * 1024);
        for (int i = 0; i < 25; i++) {
            int id = i;
            db.client.putItem(b -> b.tableName("big").item(Map.of("pk", s("p"), "sk", n("" + id), "d", s(body))));
        }
        QueryResponse first = db.client.query(b -> b.tableName("big").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));
        assertEquals(11, first.count(), "the page ends with the item that reaches 1 MB");
        assertEquals(Map.of("pk", s("p"), "sk", n("10")), first.lastEvaluatedKey());
        QueryResponse counted = db.client.query(b -> b.tableName("big").keyConditionExpression("pk = :p")
                .select("COUNT").expressionAttributeValues(Map.of(":p", s("p"))));
        assertEquals(11, counted.count(), "COUNT reads the same 1 MB");
    }

    @Test
    void setsHaveNoDuplicatesAndAddRemoveWork() {
        assertValidation("One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                () -> db.client.putItem(b -> b.tableName("big").item(Map.of("pk", s("a"), "sk", n("1"),
                        "ss", AttributeValue.fromSs(List.of("a", "a"))))));
        db.client.putItem(b -> b.tableName("big").item(Map.of("pk", s("a"), "sk", n("1"),
                "ns", AttributeValue.fromNs(List.of("1", "2")))));
        db.client.updateItem(b -> b.tableName("big").key(Map.of("pk", s("a"), "sk", n("1")))
                .updateExpression("ADD ns :three").expressionAttributeValues(Map.of(":three",
                        AttributeValue.fromNs(List.of("3.0")))));
        db.client.updateItem(b -> b.tableName("big").key(Map.of("pk", s("a"), "sk", n("1")))
                .updateExpression("DELETE ns :one").expressionAttributeValues(Map.of(":one",
                        AttributeValue.fromNs(List.of("1")))));
        assertEquals(List.of("2", "3"), db.client.getItem(b -> b.tableName("big").key(Map.of("pk", s("a"),
                "sk", n("1")))).item().get("ns").ns());
        db.client.updateItem(b -> b.tableName("big").key(Map.of("pk", s("a"), "sk", n("1")))
                .updateExpression("DELETE ns :all")
                .expressionAttributeValues(Map.of(":all", AttributeValue.fromNs(List.of("2", "3")))));
        assertTrue(!db.client.getItem(b -> b.tableName("big").key(Map.of("pk", s("a"), "sk", n("1")))).item()
                .containsKey("ns"), "an emptied set is removed");
        db.client.putItem(b -> b.tableName("big").item(Map.of("pk", s("b"), "sk", n("1"), "str", s("x"))));
        assertValidation("An operand in the update expression has an incorrect data type", () -> db.client
                .updateItem(b -> b.tableName("big").key(Map.of("pk", s("b"), "sk", n("1")))
                        .updateExpression("ADD str :n").expressionAttributeValues(Map.of(":n", n("1")))));
    }
}
