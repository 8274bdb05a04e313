package dev.ekslifecycle.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.local.clock.VirtualClock;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Starts a LocalDynamoDb on a free port with a manual virtual clock, and SDK clients for it. */
final class LocalDynamoDbExtension implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    final VirtualClock clock;
    final LocalDynamoDb dynamo;
    final DynamoDbClient client;

    LocalDynamoDbExtension() throws Exception {
        this(config -> config);
    }

    LocalDynamoDbExtension(java.util.function.UnaryOperator<LocalDynamoDbConfig> customise) throws Exception {
        this.clock = VirtualClock.manual(START);
        this.dynamo = LocalDynamoDb.start(customise.apply(LocalDynamoDbConfig.inMemory(clock)));
        this.client = client(dynamo.url());
    }

    static DynamoDbClient client(String url) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    /** A PAY_PER_REQUEST table with a string hash key {@code pk} and, when {@code sortKeyType} is given, {@code sk}. */
    void createTable(String name, ScalarAttributeType sortKeyType) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKeyType == null) {
                b.attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
            } else {
                b.attributeDefinitions(
                                AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder().attributeName("sk").attributeType(sortKeyType).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
            }
        });
    }

    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement keyElement(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    /** Asserts that {@code call} fails with a ValidationException carrying exactly this message. */
    static void assertValidation(String message, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }

    @Override
    public void close() throws Exception {
        client.close();
        dynamo.close();
        clock.shutdown();
    }
}
