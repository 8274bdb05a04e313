package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.key;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndFaultsTest {

    private final FaultInjector faults = new FaultInjector(42);
    private LocalDynamoDbExtension db;

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension(c -> c.withFaults(faults));
        db.createTable("batch", null);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    private static List<WriteRequest> puts(int count) {
        List<WriteRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            out.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("k" + id), "n", n("" + id))))
                    .build());
        }
        return out;
    }

    @Test
    void batchWriteAndGet() {
        BatchWriteItemResponse w = db.client.batchWriteItem(b -> b.requestItems(Map.of("batch", puts(25))));
        assertTrue(w.unprocessedItems().isEmpty());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 30; i += 3) {
            keys.add(key("k" + i));
        }
        BatchGetItemResponse g = db.client.batchGetItem(b -> b.requestItems(Map.of("batch",
                KeysAndAttributes.builder().keys(keys).projectionExpression("n").build())));
        assertEquals(9, g.responses().get("batch").size(), "k27 does not exist");
        assertTrue(g.responses().get("batch").stream().allMatch(i -> i.keySet().equals(java.util.Set.of("n"))));
        db.client.batchWriteItem(b -> b.requestItems(Map.of("batch", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(key("k0"))).build()))));
        assertTrue(!db.client.getItem(b -> b.tableName("batch").key(key("k0"))).hasItem());

        DynamoDbException tooMany = assertThrows(DynamoDbException.class,
                () -> db.client.batchWriteItem(b -> b.requestItems(Map.of("batch", puts(26)))));
        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
        DynamoDbException duplicates = assertThrows(DynamoDbException.class, () -> db.client.batchWriteItem(b -> b
                .requestItems(Map.of("batch", List.of(puts(1).get(0), puts(1).get(0))))));
        assertEquals("Provided list of item keys contains duplicates", duplicates.awsErrorDetails().errorMessage());
    }

    @Test
    void throttledItemsComeBackUnprocessed() {
        faults.add(FaultRule.nextCalls("dynamodb", "BatchWriteItem", "ProvisionedThroughputExceededException", 400, 3));
        BatchWriteItemResponse w = db.client.batchWriteItem(b -> b.requestItems(Map.of("batch", puts(10))));
        List<WriteRequest> unprocessed = w.unprocessedItems().get("batch");
        assertEquals(3, unprocessed.size());
        assertEquals(7, db.client.scan(b -> b.tableName("batch")).count());
        BatchWriteItemResponse retry = db.client.batchWriteItem(b -> b.requestItems(w.unprocessedItems()));
        assertTrue(retry.unprocessedItems().isEmpty());
        assertEquals(10, db.client.scan(b -> b.tableName("batch")).count());

        faults.add(FaultRule.nextCalls("dynamodb", "BatchGetItem", "ProvisionedThroughputExceededException", 400, 2));
        BatchGetItemResponse g = db.client.batchGetItem(b -> b.requestItems(Map.of("batch",
                KeysAndAttributes.builder().keys(key("k1"), key("k2"), key("k3")).build())));
        assertEquals(1, g.responses().get("batch").size());
        assertEquals(List.of(key("k1"), key("k2")), g.unprocessedKeys().get("batch").keys());

        faults.add(FaultRule.always("dynamodb", "BatchWriteItem", "ProvisionedThroughputExceededException", 400));
        assertThrows(ProvisionedThroughputExceededException.class,
                () -> db.client.batchWriteItem(b -> b.requestItems(Map.of("batch", puts(2)))),
                "when no item can be written the whole call is throttled");
    }

    @Test
    void errorsLatencyAndConflictsPerOperationAndTable() {
        faults.add(FaultRule.nextCalls("dynamodb", "PutItem", "InternalServerError", 500, 1));
        InternalServerErrorException e = assertThrows(InternalServerErrorException.class,
                () -> db.client.putItem(b -> b.tableName("batch").item(key("a"))));
        assertEquals(500, e.statusCode());
        db.client.putItem(b -> b.tableName("batch").item(key("a")));

        db.createTable("other", null);
        faults.add(new FaultRule("dynamodb", "GetItem", "other", "ProvisionedThroughputExceededException", 400,
                null, 1.0, 1, Duration.ZERO));
        db.client.getItem(b -> b.tableName("batch").key(key("a")));
        assertThrows(ProvisionedThroughputExceededException.class,
                () -> db.client.getItem(b -> b.tableName("other").key(key("a"))));

        faults.add(FaultRule.nextCalls("dynamodb", "TransactWriteItems", "TransactionConflict", 400, 1));
        TransactionCanceledException conflict = assertThrows(TransactionCanceledException.class,
                () -> db.client.transactWriteItems(b -> b.transactItems(
                        t -> t.put(p -> p.tableName("batch").item(key("t1"))),
                        t -> t.put(p -> p.tableName("batch").item(key("t2"))))));
        assertEquals(List.of("TransactionConflict", "None"),
                conflict.cancellationReasons().stream().map(r -> r.code()).toList());

        faults.add(new FaultRule("dynamodb", "Query", "*", null, 0, null, 1.0, 1, Duration.ofMillis(200)));
        long started = System.nanoTime();
        db.client.query(b -> b.tableName("batch").keyConditionExpression("pk = :a")
                .expressionAttributeValues(Map.of(":a", s("a"))));
        assertTrue(System.nanoTime() - started >= 200_000_000L, "latency is added");
    }
}
