package dev.ekslifecycle.bench.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The measured operations, the same for every server: conditional PutItem and UpdateItem, a 20-item Query on a
 * table of 50,000 items, and a 25-action TransactWriteItems.
 */
final class Workloads {

    static final int QUERY_TABLE_ITEMS = 50_000;
    static final int ITEMS_PER_PARTITION = 20;
    static final int PARTITIONS = QUERY_TABLE_ITEMS / ITEMS_PER_PARTITION;

    private final DynamoDbClient client;

    Workloads(DynamoDbClient client) {
        this.client = client;
    }

    void createTables() {
        createTable("bench_writes", false);
        createTable("bench_query", true);
    }

    private void createTable(String name, boolean sortKey) {
        client.createTable(b -> {
            b.tableName(name).billingMode("PAY_PER_REQUEST");
            if (sortKey) {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                                a -> a.attributeName("sk").attributeType("N"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"));
            } else {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"));
            }
        });
    }

    /** Loads the 50,000-item query table with BatchWriteItem, retrying whatever comes back unprocessed. */
    void loadQueryTable() {
        List<WriteRequest> batch = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < ITEMS_PER_PARTITION; i++) {
                int sk = i;
                String pk = "p" + p;
                batch.add(WriteRequest.builder().putRequest(r -> r.item(Map.of("pk", s(pk), "sk", n(sk),
                        "status", s("RUNNING"), "payload", s("x".repeat(100))))).build());
                if (batch.size() == 25) {
                    writeBatch(batch);
                    batch = new ArrayList<>();
                }
            }
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of("bench_query", batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    void conditionalPut(int thread, long sequence) {
        client.putItem(b -> b.tableName("bench_writes")
                .item(Map.of("pk", s("put-" + thread + "-" + sequence), "v", n(1)))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    /** Increments one of 1,000 counters per thread, guarded by a condition that always holds. */
    void conditionalUpdate(int thread, long sequence) {
        client.updateItem(b -> b.tableName("bench_writes").key(Map.of("pk", s("counter-" + thread + "-" + sequence % 1000)))
                .updateExpression("SET v = if_not_exists(v, :zero) + :one")
                .conditionExpression("attribute_not_exists(v) OR v >= :zero")
                .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1))));
    }

    void query20(int thread, long sequence) {
        int partition = ThreadLocalRandom.current().nextInt(PARTITIONS);
        int count = client.query(b -> b.tableName("bench_query").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p" + partition)))).count();
        if (count != ITEMS_PER_PARTITION) {
            throw new IllegalStateException("a query returned " + count + " items, not " + ITEMS_PER_PARTITION);
        }
    }

    void transaction25(int thread, long sequence) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String pk = "tx-" + thread + "-" + sequence + "-" + i;
            actions.add(TransactWriteItem.builder().put(p -> p.tableName("bench_writes")
                    .item(Map.of("pk", s(pk), "v", n(1))).conditionExpression("attribute_not_exists(pk)")).build());
        }
        client.transactWriteItems(b -> b.transactItems(actions));
    }

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
