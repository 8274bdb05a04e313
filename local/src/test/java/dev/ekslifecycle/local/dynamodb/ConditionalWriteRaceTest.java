package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Linearizability per item: of 16 threads making the same conditional write, exactly one wins, every round. */
class ConditionalWriteRaceTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 25;

    private LocalDynamoDbExtension db;
    private final List<DynamoDbClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = new LocalDynamoDbExtension();
        db.createTable("locks", null);
        for (int i = 0; i < THREADS; i++) {
            clients.add(LocalDynamoDbExtension.client(db.dynamo.url()));
        }
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(DynamoDbClient::close);
        db.close();
    }

    @Test
    void exactlyOneWinnerPerRoundForCreateAndForCompareAndSet() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String lock = "lock-" + round;
                assertEquals(1, race(pool, (client, thread) -> client.putItem(b -> b.tableName("locks")
                        .item(Map.of("pk", s(lock), "holder", n("" + thread), "version", n("0")))
                        .conditionExpression("attribute_not_exists(pk)"))), "create race, round " + round);
                assertEquals(1, race(pool, (client, thread) -> client.updateItem(b -> b.tableName("locks")
                        .key(Map.of("pk", s(lock))).updateExpression("SET version = version + :one, holder = :me")
                        .conditionExpression("version = :zero")
                        .expressionAttributeValues(Map.of(":one", n("1"), ":zero", n("0"), ":me", n("" + thread))))),
                        "compare-and-set race, round " + round);
                assertEquals("1", db.client.getItem(b -> b.tableName("locks").key(Map.of("pk", s(lock))))
                        .item().get("version").n());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Attempt {
        void run(DynamoDbClient client, int thread);
    }

    /** Starts all threads at once; returns how many writes succeeded. */
    private int race(ExecutorService pool, Attempt attempt) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    attempt.run(clients.get(thread), thread);
                    return true;
                } catch (ConditionalCheckFailedException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
            wins += f.get() ? 1 : 0;
        }
        return wins;
    }
}
