package dev.ekslifecycle.aws;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDb;
import dev.ekslifecycle.local.dynamodb.LocalDynamoDbConfig;
import dev.ekslifecycle.store.dynamodb.TemplateStateTable;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Before Quarkus starts: the local DynamoDB on a free port with the state table, and the environment a Lambda
 * would see (region and credentials as SDK system properties, the endpoint and table name as configuration).
 */
public class LocalStateTableResource implements QuarkusTestResourceLifecycleManager {

    static final String TABLE = "state-wired";
    private static final Map<String, String> SDK_PROPERTIES = Map.of("aws.region", "us-east-1",
            "aws.accessKeyId", "test", "aws.secretAccessKey", "test");

    private LocalDynamoDb dynamo;

    @Override
    public Map<String, String> start() {
        try {
            dynamo = LocalDynamoDb.start(LocalDynamoDbConfig.inMemory(SimulationClock.real()));
            try (DynamoDbClient setup = AwsClients.dynamoDb(new AwsClientSettings(Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    Optional.of(URI.create(dynamo.url()))))) {
                TemplateStateTable.create(setup, TABLE);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the local DynamoDB did not start", e);
        }
        SDK_PROPERTIES.forEach(System::setProperty);
        return Map.of("state.table", TABLE, "aws.endpoint.url", dynamo.url());
    }

    @Override
    public void stop() {
        SDK_PROPERTIES.keySet().forEach(System::clearProperty);
        try {
            dynamo.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
