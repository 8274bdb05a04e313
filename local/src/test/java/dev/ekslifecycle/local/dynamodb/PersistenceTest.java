package dev.ekslifecycle.local.dynamodb;

import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.n;
import static dev.ekslifecycle.local.dynamodb.LocalDynamoDbExtension.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Every acknowledged write survives SIGKILL of the JVM; a restart over the same directory serves the same data. */
class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Process child = startChild();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledgedIncrements = new AtomicInteger();
        AtomicInteger attemptedIncrements = new AtomicInteger();
        try {
            String url = readUrl(child);
            try (DynamoDbClient client = LocalDynamoDbExtension.client(url)) {
                client.createTable(b -> b.tableName("durable").billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH")));
                client.updateTimeToLive(b -> b.tableName("durable")
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(4);
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String pk = "w" + writer + "-" + i;
                            try {
                                client.putItem(b -> b.tableName("durable").item(Map.of("pk", s(pk), "v", n("1"))));
                                acknowledged.add(pk);
                                attemptedIncrements.incrementAndGet();
                                client.updateItem(b -> b.tableName("durable").key(Map.of("pk", s("counter")))
                                        .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
                                acknowledgedIncrements.incrementAndGet();
                            } catch (RuntimeException killed) {
                                return;
                            }
                        }
                    });
                }
                while (acknowledged.size() < 300) {
                    Thread.sleep(5);
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                stop.set(true);
                writers.shutdown();
                assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
            }
        } finally {
            child.destroyForcibly();
        }

        int stored;
        try (LocalDynamoDbExtension restarted = new LocalDynamoDbExtension(c -> c.withDataDirectory(dataDir))) {
            List<String> missing = new ArrayList<>();
            for (String pk : acknowledged) {
                if (!restarted.client.getItem(b -> b.tableName("durable").key(Map.of("pk", s(pk)))).hasItem()) {
                    missing.add(pk);
                }
            }
            assertEquals(List.of(), missing, "acknowledged writes lost by SIGKILL");
            int counter = Integer.parseInt(restarted.client.getItem(b -> b.tableName("durable")
                    .key(Map.of("pk", s("counter")))).item().get("c").n());
            assertTrue(counter >= acknowledgedIncrements.get() && counter <= attemptedIncrements.get(),
                    counter + " not within [" + acknowledgedIncrements + ", " + attemptedIncrements + "]");
            assertEquals("expires", restarted.client.describeTimeToLive(b -> b.tableName("durable"))
                    .timeToLiveDescription().attributeName(), "table settings survive too");
            stored = restarted.client.scan(b -> b.tableName("durable").select("COUNT")).count();
            assertTrue(stored > acknowledged.size());
        }
        try (LocalDynamoDbExtension again = new LocalDynamoDbExtension(c -> c.withDataDirectory(dataDir))) {
            assertEquals(stored, again.client.scan(b -> b.tableName("durable").select("COUNT")).count(),
                    "the compacted log written at the last start loads the same data");
        }
    }

    private Process startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PersistenceChildMain.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String readUrl(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("URL ")) {
                return line.substring(4);
            }
        }
        throw new IllegalStateException("the child JVM did not start; log: " + Files.list(Path.of(".")).toList());
    }
}
