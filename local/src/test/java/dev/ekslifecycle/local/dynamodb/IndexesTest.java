package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.def;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.keyElement;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class IndexesTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.client.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("amount", ScalarAttributeType.N))
                .keySchema(keyElement("pk", KeyType.HASH), keyElement("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAmount")
                        .keySchema(keyElement("pk", KeyType.HASH), keyElement("amount", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note")).build()));
        for (int i = 0; i < 6; i++) {
            int id = i;
            db.client.putItem(b -> b.tableName("orders").item(Map.of("pk", s("cust"), "sk", s("order-" + id),
                    "amount", n("" + (100 - id * 10)), "note", s("n" + id), "state", s(id % 2 == 0 ? "open" : "done"),
                    "extra", s("x"))));
        }
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    @Test
    void localIndexOrdersByItsSortKeyAndProjectsIncludedAttributes() {
        List<Map<String, AttributeValue>> items = db.client.query(b -> b.tableName("orders").indexName("byAmount")
                .keyConditionExpression("pk = :c AND amount < :x")
                .expressionAttributeValues(Map.of(":c", s("cust"), ":x", n("80")))).items();
        assertEquals(List.of("50", "60", "70"), items.stream().map(i -> i.get("amount").n()).toList());
        assertEquals(Set.of("pk", "sk", "amount", "note"), items.get(0).keySet());
        List<Map<String, AttributeValue>> all = db.client.query(b -> b.tableName("orders").indexName("byAmount")
                .keyConditionExpression("pk = :c AND amount < :x").select("ALL_ATTRIBUTES")
                .expressionAttributeValues(Map.of(":c", s("cust"), ":x", n("60")))).items();
        assertEquals("x", all.get(0).get("extra").s(), "a local index fetches the other attributes from the table");
    }

    @Test
    void addAndRemoveAGlobalIndex() {
        db.client.updateTable(b -> b.tableName("orders")
                .attributeDefinitions(def("state", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byState")
                        .keySchema(keyElement("state", KeyType.HASH), keyElement("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        List<Map<String, AttributeValue>> open = db.client.query(b -> b.tableName("orders").indexName("byState")
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":open", s("open")))).items();
        assertEquals(List.of("order-0", "order-2", "order-4"), open.stream().map(i -> i.get("sk").s()).toList(),
                "the new index holds the items written before it was added");
        assertEquals(1, db.client.describeTable(b -> b.tableName("orders")).table().globalSecondaryIndexes().size());

        db.client.updateTable(b -> b.tableName("orders")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byState"))));
        assertFalse(db.client.describeTable(b -> b.tableName("orders")).table().hasGlobalSecondaryIndexes());
        DynamoDbException gone = assertThrows(DynamoDbException.class, () -> db.client.query(b -> b
                .tableName("orders").indexName("byState").keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":open", s("open")))));
        assertEquals("The table does not have the specified index: byState", gone.awsErrorDetails().errorMessage());
    }
}
