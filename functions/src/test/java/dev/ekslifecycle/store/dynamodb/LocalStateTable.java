package dev.ekslifecycle.store.dynamodb;

import dev.ekslifecycle.aws.AwsClientSettings;
import dev.ekslifecycle.aws.AwsClients;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import dev.ekslifecycle.store.IdSource;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The project's local DynamoDB on a free port in this JVM, on a manual virtual clock, with state tables created
 * from template.yaml and the production adapter reaching it over HTTP through a client built the production way.
 * Every DynamoDB operation the adapter calls is recorded, so tests can show that listings never scan.
 */
public final class LocalStateTable implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    private static final AtomicInteger TABLES = new AtomicInteger();

    final VirtualClock clock = VirtualClock.manual(START);
    final List<String> operationsCalled = new CopyOnWriteArrayList<>();
    private final LocalDynamoDb dynamo;
    private final DynamoDbClient client;
    private final AtomicInteger ids = new AtomicInteger();

    public LocalStateTable() throws Exception {
        dynamo = LocalDynamoDb.start(LocalDynamoDbConfig.inMemory(clock));
        AwsClientSettings settings = new AwsClientSettings(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(URI.create(dynamo.url())));
        client = AwsClients.build(DynamoDbClient.builder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operationsCalled.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })), settings);
    }

    /** The stores on a new, empty state table, with operation IDs op-1, op-2... */
    public DynamoDbStateStore newTable() throws IOException {
        String tableName = "state-" + TABLES.incrementAndGet();
        TemplateStateTable.create(client, tableName);
        IdSource sequential = () -> "op-" + ids.incrementAndGet();
        return new DynamoDbStateStore(client, tableName, clock, sequential);
    }

    @Override
    public void close() throws Exception {
        client.close();
        dynamo.close();
        clock.shutdown();
    }
}
