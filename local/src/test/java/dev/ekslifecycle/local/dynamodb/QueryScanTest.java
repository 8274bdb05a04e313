package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.def;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.keyElement;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class QueryScanTest {

    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.client.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N),
                        def("status", ScalarAttributeType.S))
                .keySchema(keyElement("pk", KeyType.HASH), keyElement("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(keyElement("status", KeyType.HASH), keyElement("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        for (String pk : List.of("a", "b", "c")) {
            for (int i = 1; i <= 10; i++) {
                int sk = i;
                Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("pk", s(pk), "sk", n("" + sk),
                        "body", s(pk + sk)));
                if (sk % 2 == 0) {
                    item.put("status", s("even"));
                }
                db.client.putItem(b -> b.tableName("events").item(item));
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void sortKeyConditionsInOrder() {
        assertEquals(List.of("3", "4", "5"), sortKeys(query("#pk = :a AND sk BETWEEN :three AND :five", true)));
        assertEquals(List.of("5", "4", "3"), sortKeys(query("#pk = :a AND sk BETWEEN :three AND :five", false)));
        assertEquals(List.of("1", "2"), sortKeys(query("#pk = :a AND sk < :three", true)));
        assertEquals(List.of("1", "2", "3"), sortKeys(query("#pk = :a AND sk <= :three", true)));
        assertEquals(List.of("6", "7", "8", "9", "10"), sortKeys(query("#pk = :a AND sk > :five", true)));
        assertEquals(List.of("10", "9", "8", "7", "6", "5"), sortKeys(query("#pk = :a AND sk >= :five", false)));
        assertEquals(List.of("3"), sortKeys(query("#pk = :a AND sk = :three", true)));
        assertEquals(10, query("#pk = :a", true).size());
    }

    private List<Map<String, AttributeValue>> query(String condition, boolean forward) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":a", s("a")));
        if (condition.contains(":three")) {
            values.put(":three", n("3"));
        }
        if (condition.contains(":five")) {
            values.put(":five", n("5"));
        }
        return db.client.query(b -> b.tableName("events").keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", "pk")).expressionAttributeValues(values)
                .scanIndexForward(forward)).items();
    }

    @Test
    void beginsWithOnAStringSortKey() throws Exception {
        db.createTable("names", ScalarAttributeType.S);
        for (String sk : List.of("apple", "apricot", "banana", "ap", "b")) {
            db.client.putItem(b -> b.tableName("names").item(Map.of("pk", s("x"), "sk", s(sk))));
        }
        for (boolean forward : List.of(true, false)) {
            List<String> got = db.client.query(b -> b.tableName("names")
                    .keyConditionExpression("pk = :x AND begins_with(sk, :ap)").scanIndexForward(forward)
                    .expressionAttributeValues(Map.of(":x", s("x"), ":ap", s("ap")))).items().stream()
                    .map(i -> i.get("sk").s()).toList();
            List<String> expected = new ArrayList<>(List.of("ap", "apple", "apricot"));
            if (!forward) {
                java.util.Collections.reverse(expected);
            }
            assertEquals(expected, got);
        }
    }

    @Test
    void pagesWithLimitAndExclusiveStartKey() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = db.client.query(b -> b.tableName("events").keyConditionExpression("pk = :a")
                    .expressionAttributeValues(Map.of(":a", s("a"))).limit(4).exclusiveStartKey(from));
            seen.addAll(sortKeys(page.items()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), seen);
        assertEquals(3, pages);
    }

    @Test
    void limitAppliesBeforeTheFilter() {
        QueryResponse page = db.client.query(b -> b.tableName("events").keyConditionExpression("pk = :a")
                .filterExpression("attribute_exists(#s)").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":a", s("a"))).limit(3));
        assertEquals(List.of("2"), sortKeys(page.items()));
        assertEquals(3, page.scannedCount());
        assertEquals(1, page.count());
        assertEquals(Map.of("pk", s("a"), "sk", n("3")), page.lastEvaluatedKey());
    }

    @Test
    void globalSecondaryIndexProjectsKeysOnly() {
        QueryResponse r = db.client.query(b -> b.tableName("events").indexName("byStatus")
                .keyConditionExpression("#s = :even AND sk >= :eight").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":even", s("even"), ":eight", n("8"))));
        assertEquals(6, r.count());
        for (Map<String, AttributeValue> item : r.items()) {
            assertEquals(Set.of("pk", "sk", "status"), item.keySet());
        }
        db.client.deleteItem(b -> b.tableName("events").key(Map.of("pk", s("a"), "sk", n("8"))));
        db.client.updateItem(b -> b.tableName("events").key(Map.of("pk", s("b"), "sk", n("10")))
                .updateExpression("REMOVE #s").expressionAttributeNames(Map.of("#s", "status")));
        QueryResponse after = db.client.query(b -> b.tableName("events").indexName("byStatus")
                .keyConditionExpression("#s = :even AND sk >= :eight").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":even", s("even"), ":eight", n("8"))).limit(3));
        assertEquals(3, after.count());
        assertEquals(Set.of("pk", "sk", "status"), after.lastEvaluatedKey().keySet());
    }

    @Test
    void aQueryFilterMayNotUseKeyAttributes() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> db.client.query(b -> b.tableName("events").keyConditionExpression("pk = :b")
                        .filterExpression("sk < :four").expressionAttributeValues(Map.of(":b", s("b"), ":four", n("4")))));
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void scanFiltersAndProjects() {
        ScanResponse r = db.client.scan(b -> b.tableName("events").filterExpression("sk > :eight")
                .projectionExpression("pk, body").expressionAttributeValues(Map.of(":eight", n("8"))));
        assertEquals(6, r.count());
        assertEquals(30, r.scannedCount());
        assertFalse(r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty());
        for (Map<String, AttributeValue> item : r.items()) {
            assertEquals(Set.of("pk", "body"), item.keySet());
        }
    }

    @Test
    void selectCountReturnsNoItems() {
        QueryResponse r = db.client.query(b -> b.tableName("events").keyConditionExpression("pk = :b")
                .filterExpression("attribute_exists(#s)").expressionAttributeNames(Map.of("#s", "status"))
                .select("COUNT").expressionAttributeValues(Map.of(":b", s("b"))));
        assertEquals(5, r.count());
        assertEquals(10, r.scannedCount());
        assertFalse(r.hasItems());
    }

    @Test
    void scanSegmentsCoverTheTableOnce() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int seg = segment;
            List<Map<String, AttributeValue>> items = db.client.scan(b -> b.tableName("events").segment(seg)
                    .totalSegments(3)).items();
            total += items.size();
            items.forEach(i -> seen.add(i.get("pk").s() + i.get("sk").n()));
        }
        assertEquals(30, total);
        assertEquals(30, seen.size());
    }

    @Test
    void scanPagesResumeWhereTheyStopped() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = db.client.scan(b -> b.tableName("events").limit(7).exclusiveStartKey(from));
            page.items().forEach(i -> seen.add(i.get("pk").s() + i.get("sk").n()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(30, seen.size());
        assertEquals(30, new HashSet<>(seen).size());
        assertTrue(seen.contains("a1"));
    }
}
