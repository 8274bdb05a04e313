package dev.ekslifecycle.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ekslifecycle.metrics.LifecycleMetrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB client with the project's interceptors against a server that answers every call with one error: the
 * failures that are the dependency's are counted by service, the ones that answer our request are not.
 */
class DependencyFailureMetricsTest {

    private final List<String> counted = new CopyOnWriteArrayList<>();
    private CannedEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = new CannedEndpoint(200, Map.of(), "{}");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @ParameterizedTest
    @CsvSource({
        "400, ThrottlingException, DynamoDb throttled",
        "400, ProvisionedThroughputExceededException, DynamoDb throttled",
        "500, InternalServerError, DynamoDb failed",
        "400, ConditionalCheckFailedException, ",
        "400, ResourceNotFoundException, "})
    void dependencyFailuresAreCountedAndAnswersAreNot(int status, String errorType, String expected) {
        endpoint.answerDynamoDbError(status, errorType);
        AwsClientSettings settings = settings();
        // As AwsClients builds it, but with one attempt per call: its retries would back off for seconds.
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .endpointOverride(settings.endpointOverride().orElseThrow())
                .overrideConfiguration(c -> c.executionInterceptors(settings.interceptors())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThrows(SdkException.class, () -> client.getItem(r -> r.tableName("t")));
        }
        assertEquals(expected == null ? List.of() : List.of(expected), counted);
    }

    private AwsClientSettings settings() {
        LifecycleMetrics recording = new LifecycleMetrics() {
            @Override
            public void dependencyFailed(String service, boolean throttled) {
                counted.add(service + (throttled ? " throttled" : " failed"));
            }
        };
        return new AwsClientSettings(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(endpoint.uri()),
                List.of(new DependencyFailureMetrics(recording)));
    }
}
