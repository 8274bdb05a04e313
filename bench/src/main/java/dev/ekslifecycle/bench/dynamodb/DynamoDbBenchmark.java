package dev.ekslifecycle.bench.dynamodb;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB beside moto's server, through the same AWS SDK v2 client with 8 threads: conditional
 * PutItem, conditional UpdateItem, a 20-item Query on a 50,000-item table, a 25-action TransactWriteItems, and
 * memory after loading the 50,000 items. See bench/README.md for the command and the targets.
 *
 * <p>Arguments: {@code [--moto-venv DIR] [--seconds N] [--warmup N]} (measured and warm-up seconds per row, 8 and
 * 5 by default); without a moto virtual environment only ours is measured.
 */
public final class DynamoDbBenchmark {

    private static final int THREADS = 8;

    private DynamoDbBenchmark() {
    }

    record Result(String server, List<ThroughputRunner.Measurement> rows, String memory) {
    }

    private static final List<String> WORKLOADS = List.of("conditional PutItem", "conditional UpdateItem",
            "Query, 20 items of 50,000", "TransactWriteItems, 25 puts");

    public static void main(String[] args) throws Exception {
        Path motoVenv = null;
        int seconds = 8;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--moto-venv" -> motoVenv = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: [--moto-venv DIR] [--seconds N] [--warmup N]");
            }
        }
        ThroughputRunner runner =
                new ThroughputRunner(THREADS, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        List<Result> results = new ArrayList<>();
        results.add(measureOurs(runner));
        if (motoVenv != null) {
            try (MotoProcess moto = MotoProcess.start(motoVenv)) {
                results.add(measure("moto 5.2.5", moto.url(), runner,
                        () -> String.format(Locale.ROOT, "%.0f MB RSS", moto.residentBytes() / 1e6)));
            }
        }
        print(results);
    }

    private static Result measureOurs(ThroughputRunner runner) throws Exception {
        long before = usedHeap();
        try (LocalDynamoDb ours = LocalDynamoDb.start(LocalDynamoDbConfig.inMemory(SimulationClock.real()))) {
            return measure("local DynamoDB", ours.url(), runner, () -> String.format(Locale.ROOT,
                    "%.0f MB heap (+%.0f MB)", usedHeap() / 1e6, (usedHeap() - before) / 1e6));
        }
    }

    private interface Memory {
        String describe();
    }

    private static Result measure(String name, String url, ThroughputRunner runner, Memory memory) throws Exception {
        try (SdkHttpClient http = Apache5HttpClient.builder().maxConnections(THREADS).build();
             DynamoDbClient client = client(url, http)) {
            Workloads w = new Workloads(client);
            w.createTables();
            long loadStart = System.nanoTime();
            w.loadQueryTable();
            System.out.printf(Locale.ROOT, "%s: loaded %,d items in %.1f s%n", name, Workloads.QUERY_TABLE_ITEMS,
                    (System.nanoTime() - loadStart) / 1e9);
            String mem = memory.describe();
            List<ThroughputRunner.Operation> ops = List.of(w::conditionalPut, w::conditionalUpdate, w::query20,
                    w::transaction25);
            List<ThroughputRunner.Measurement> rows = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                ThroughputRunner.Measurement m = runner.measure(ops.get(i));
                System.out.printf(Locale.ROOT, "%s: %s %.1f ops/s, %d errors, %.0f us CPU/op in this JVM%n", name,
                        WORKLOADS.get(i), m.opsPerSecond(), m.errors(), m.cpuMicrosPerOp());
                rows.add(m);
            }
            Result r = new Result(name, rows, mem);
            return r;
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The one client configuration both servers are measured through (bench/README.md says why each part): signed
     * requests, no retries, the SDK's Apache 5 HTTP client with a keep-alive connection per thread, and a fixed
     * endpoint instead of the endpoint rules engine, which would only ever answer with the same URL here.
     */
    static DynamoDbClient client(String url, SdkHttpClient http) {
        Endpoint endpoint = Endpoint.builder().url(URI.create(url)).build();
        return DynamoDbClient.builder()
                .endpointProvider(params -> CompletableFuture.completedFuture(endpoint))
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(http)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    private static void print(List<Result> results) {
        System.out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-28s |", "8 threads, ops/s"));
        for (Result r : results) {
            header.append(String.format(Locale.ROOT, " %-16s |", r.server()));
        }
        if (results.size() == 2) {
            header.append(" ours / moto |");
        }
        System.out.println(header);
        for (int i = 0; i < WORKLOADS.size(); i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %-28s |", WORKLOADS.get(i)));
            for (Result r : results) {
                ThroughputRunner.Measurement m = r.rows().get(i);
                line.append(String.format(Locale.ROOT, " %-16s |", String.format(Locale.ROOT, "%.1f%s",
                        m.opsPerSecond(), m.errors() == 0 ? "" : " (" + m.errors() + " err)")));
            }
            if (results.size() == 2) {
                line.append(String.format(Locale.ROOT, " %10.0fx |", results.get(0).rows().get(i).opsPerSecond()
                        / Math.max(0.01, results.get(1).rows().get(i).opsPerSecond())));
            }
            System.out.println(line);
        }
        StringBuilder memory = new StringBuilder(String.format(Locale.ROOT, "| %-28s |", "memory after 50,000 items"));
        results.forEach(r -> memory.append(String.format(Locale.ROOT, " %-16s |", r.memory())));
        System.out.println(memory);
    }
}
