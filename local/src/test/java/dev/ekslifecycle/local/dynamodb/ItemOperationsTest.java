package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.assertValidation;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.key;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemOperationsTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("items", null);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private Map<String, AttributeValue> get(String pk) {
        var r = db.client.getItem(b -> b.tableName("items").key(key(pk)).consistentRead(true));
        return r.hasItem() ? r.item() : null;
    }

    @Test
    void putGetDeleteWithEveryType() {
        Map<String, AttributeValue> item = Map.of(
                "pk", s("a"),
                "str", s(""),
                "num", n("1.50"),
                "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "bool", AttributeValue.fromBool(true),
                "nul", AttributeValue.fromNul(true),
                "list", AttributeValue.fromL(List.of(s("x"), n("2"))),
                "map", AttributeValue.fromM(Map.of("k", s("v"))),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.0")));
        db.client.putItem(b -> b.tableName("items").item(item));
        Map<String, AttributeValue> got = get("a");
        assertEquals("1.5", got.get("num").n(), "numbers come back without trailing zeros");
        assertEquals(List.of("1", "2"), got.get("ns").ns());
        assertEquals("", got.get("str").s());
        assertEquals(item.get("map"), got.get("map"));
        assertEquals(item.get("bin"), got.get("bin"));

        var deleted = db.client.deleteItem(b -> b.tableName("items").key(key("a")).returnValues(ReturnValue.ALL_OLD));
        assertEquals("a", deleted.attributes().get("pk").s());
        assertNull(get("a"));
    }

    @Test
    void conditionalPutFailsWithTheOldItemWhenAsked() {
        db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"), "v", n("1"))));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"), "v", n("2")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", e.item().get("v").n());
        assertTrue(e.getMessage().startsWith("The conditional request failed"));
        ConditionalCheckFailedException plain = assertThrows(ConditionalCheckFailedException.class,
                () -> db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a")))
                        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))));
        assertFalse(plain.hasItem());
        assertEquals("1", get("a").get("v").n(), "a failed write changes nothing");
    }

    @Test
    void conditionFunctionsAndOperators() {
        db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"), "name", s("alpha"), "n", n("5"),
                "tags", AttributeValue.fromSs(List.of("x", "y")), "l", AttributeValue.fromL(List.of(s("e"))))));
        List<String> holding = List.of(
                "attribute_exists(#name)", "attribute_not_exists(ghost)", "attribute_type(n, :N)",
                "begins_with(#name, :al)", "contains(tags, :x)", "contains(l, :e)", "size(#name) = :five",
                "n BETWEEN :one AND :five", "n IN (:one, :five)", "NOT n < :five", "(n > :one AND n <= :five)",
                "ghost <> :one", "n <> :one OR ghost = :one", "size(tags) < :five");
        List<String> failing = List.of("attribute_exists(ghost)", "n < :one", "ghost = :one",
                "begins_with(#name, :x)", "contains(tags, :e)", "n > :x", "attribute_type(n, :S)");
        Map<String, AttributeValue> values = Map.of(":N", s("N"), ":S", s("S"), ":al", s("al"), ":x", s("x"),
                ":e", s("e"), ":five", n("5"), ":one", n("1"));
        for (String c : holding) {
            assertTrue(holds(c, values), c);
        }
        for (String c : failing) {
            assertFalse(holds(c, values), c);
        }
    }

    private boolean holds(String condition, Map<String, AttributeValue> allValues) {
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        allValues.forEach((k, v) -> {
            if (condition.matches(".*" + k + "\\b.*")) {
                used.put(k, v);
            }
        });
        try {
            db.client.updateItem(b -> {
                b.tableName("items").key(key("a")).conditionExpression(condition);
                if (!used.isEmpty()) {
                    b.expressionAttributeValues(used);
                }
                if (condition.contains("#name")) {
                    b.expressionAttributeNames(Map.of("#name", "name"));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Test
    void updateExpressionsWithReturnValues() {
        db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"), "count", n("10"),
                "l", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))),
                "r", AttributeValue.fromL(List.of(s("p"), s("q"), s("s"))),
                "m", AttributeValue.fromM(Map.of("x", n("1"))),
                "tags", AttributeValue.fromSs(List.of("x", "y")),
                "gone", AttributeValue.fromSs(List.of("x", "y")))));
        var r = db.client.updateItem(b -> b.tableName("items").key(key("a"))
                .updateExpression("SET #c = #c + :one, m.y = :two, l = list_append(l, :more), "
                        + "fresh = if_not_exists(fresh, :zero), down = :zero - :one "
                        + "REMOVE r[0], r[2] ADD tags :z, amount :two DELETE gone :x")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":two", n("2"), ":zero", n("0"),
                        ":more", AttributeValue.fromL(List.of(s("d"))),
                        ":z", AttributeValue.fromSs(List.of("z")), ":x", AttributeValue.fromSs(List.of("x"))))
                .returnValues(ReturnValue.ALL_NEW));
        Map<String, AttributeValue> item = r.attributes();
        assertEquals("11", item.get("count").n());
        assertEquals(Map.of("x", n("1"), "y", n("2")), item.get("m").m());
        assertEquals(List.of(s("a"), s("b"), s("c"), s("d")), item.get("l").l());
        assertEquals(List.of(s("q")), item.get("r").l(), "REMOVE indexes name elements of the old list");
        assertEquals("0", item.get("fresh").n());
        assertEquals("-1", item.get("down").n());
        assertEquals("2", item.get("amount").n());
        assertEquals(List.of("x", "y", "z"), item.get("tags").ss().stream().sorted().toList());
        assertEquals(List.of("y"), item.get("gone").ss());

        var updatedOld = db.client.updateItem(b -> b.tableName("items").key(key("a"))
                .updateExpression("SET m.x = :five").expressionAttributeValues(Map.of(":five", n("5")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(Map.of("m", AttributeValue.fromM(Map.of("x", n("1")))), updatedOld.attributes());
        var updatedNew = db.client.updateItem(b -> b.tableName("items").key(key("a"))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("count", n("12")), updatedNew.attributes());
    }

    @Test
    void exactDecimalArithmetic() {
        db.client.updateItem(b -> b.tableName("items").key(key("a")).updateExpression("SET v = :a + :b")
                .expressionAttributeValues(Map.of(":a", n("0.1"), ":b", n("0.2"))));
        assertEquals("0.3", get("a").get("v").n());
        String big = "12345678901234567890123456789012345678";
        db.client.updateItem(b -> b.tableName("items").key(key("a")).updateExpression("SET w = :a")
                .expressionAttributeValues(Map.of(":a", n(big))));
        assertEquals(big, get("a").get("w").n());
        DynamoDbException tooPrecise = assertThrows(DynamoDbException.class, () -> db.client.updateItem(b -> b
                .tableName("items").key(key("a")).updateExpression("SET w = w + :a")
                .expressionAttributeValues(Map.of(":a", n("0.1")))));
        assertEquals("ValidationException", tooPrecise.awsErrorDetails().errorCode());
        assertEquals(big, get("a").get("w").n(), "a failed update changes nothing");
    }

    @Test
    void updateCreatesTheItemAndKeysCannotBeUpdated() {
        db.client.updateItem(b -> b.tableName("items").key(key("new")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))));
        assertEquals(Map.of("pk", s("new"), "v", s("x")), get("new"));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> db.client.updateItem(b -> b
                .tableName("items").key(key("new")).updateExpression("SET pk = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is "
                + "part of the key", e.awsErrorDetails().errorMessage());
    }

    @Test
    void validationMessages() {
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> db.client.updateItem(b -> b.tableName("items").key(key("a")).updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", s("x"), ":unused", s("y")))));
        assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
                () -> db.client.updateItem(b -> b.tableName("items").key(key("a")).updateExpression("SET status = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))));
        assertValidation("Invalid UpdateExpression: An expression attribute value used in expression is not "
                        + "defined; attribute value: :missing",
                () -> db.client.updateItem(b -> b.tableName("items").key(key("a"))
                        .updateExpression("SET v = :missing")));
        assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [a], path two: [a, b]",
                () -> db.client.updateItem(b -> b.tableName("items").key(key("a")).updateExpression("SET a = :v, a.b = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))));
        assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                () -> db.client.putItem(b -> b.tableName("items").item(Map.of("pk", n("1")))));
        assertValidation("The provided key element does not match the schema",
                () -> db.client.getItem(b -> b.tableName("items").key(Map.of("pk", s("a"), "x", s("b")))));
        assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"",
                () -> db.client.putItem(b -> b.tableName("items").item(key("a")).conditionExpression("a = ")));
        assertValidation("One or more parameter values were invalid: An string set  may not be empty",
                () -> db.client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"),
                        "ss", AttributeValue.builder().ss(List.of()).build()))));
    }
}
