package dev.ekslifecycle.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Priming runs the SDK clients' whole request path (the interceptors see the signed request and the parsed
 * answer) without a single request reaching the server the clients point at, tolerates clients that cannot sign,
 * and leaves the clients as they were: the next real call goes out.
 */
class ClientPrimingTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private CannedEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = new CannedEndpoint(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException",
                "Content-Type", "application/json"), "{\"message\":\"no such cluster\"}");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void primingRunsTheRequestPathWithoutSendingAndLeavesNothingBehind() {
        AwsClientSettings settings = settings(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test", "test")));
        try (EksClient eks = AwsClients.build(EksClient.builder(), settings);
             DynamoDbClient dynamo = AwsClients.dynamoDb(settings)) {

            assertEquals(2, ClientPriming.prime(List.of(eks, dynamo)));

            assertEquals(0, endpoint.received(), "priming sent nothing");
            assertEquals(List.of("Eks signed", "Eks answered 200", "Eks signed", "Eks answered 400",
                    "DynamoDb signed", "DynamoDb answered 200", "DynamoDb signed", "DynamoDb answered 400"), seen);

            assertThrows(ResourceNotFoundException.class, () -> eks.describeCluster(r -> r.name("orders")));
            assertEquals(1, endpoint.received(), "a real call after priming is sent");
        }
    }

    @Test
    void aClientThatCannotResolveCredentialsDoesNotStopPriming() {
        AwsClientSettings settings = settings(() -> {
            throw SdkClientException.create("no credentials before the first request");
        });
        try (EksClient eks = AwsClients.build(EksClient.builder(), settings)) {
            ClientPriming.prime(List.of(eks));
            assertEquals(0, endpoint.received());
            assertTrue(seen.isEmpty(), "nothing was signed: " + seen);
        }
    }

    private AwsClientSettings settings(AwsCredentialsProvider credentials) {
        ExecutionInterceptor watcher = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                assertTrue(context.httpRequest().firstMatchingHeader("Authorization").isPresent());
                seen.add(service(attributes) + " signed");
            }

            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                seen.add(service(attributes) + " answered " + context.httpResponse().statusCode());
            }
        };
        return new AwsClientSettings(Region.US_EAST_1, credentials,
                Optional.of(endpoint.uri()), List.of(watcher));
    }

    private static String service(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    }
}
