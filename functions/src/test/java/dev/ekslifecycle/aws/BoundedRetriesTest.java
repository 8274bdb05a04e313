package dev.ekslifecycle.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A client as {@link AwsClients} builds it gives a throttled or failing dependency three attempts and then throws, so
 * the typed error reaches the workflow's Retry long before the function times out.
 */
class BoundedRetriesTest {

    @ParameterizedTest
    @CsvSource({
        "400, ProvisionedThroughputExceededException, 3",
        "400, ThrottlingException, 3",
        "500, InternalServerError, 3",
        "400, ConditionalCheckFailedException, 1"})
    void retriesStopAtTheBound(int status, String errorType, int expectedRequests) throws Exception {
        try (CannedEndpoint endpoint = new CannedEndpoint(200, Map.of(), "{}")) {
            endpoint.answerDynamoDbError(status, errorType);
            AwsClientSettings settings = new AwsClientSettings(Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    Optional.of(endpoint.uri()), List.of());
            try (DynamoDbClient client = AwsClients.dynamoDb(settings)) {
                assertThrows(SdkException.class, () -> client.getItem(r -> r.tableName("t")));
            }
            assertEquals(expectedRequests, endpoint.received());
        }
    }
}
