package dev.ekslifecycle.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients the one way the project does: the URL-connection HTTP client (the only one in function.zip;
 * it starts fastest) behind {@link PrimingHttpClient}, region and credentials from the settings, the endpoint
 * override when there is one, and bounded retries.
 */
public final class AwsClients {

    /**
     * Three attempts, as the SDK's standard mode, for every service. Left to the SDK's service defaults, DynamoDB
     * retries a throttled call up to nine times with back-off up to 20 s: one call could outlast the function's
     * 30 s timeout, and a timed-out Lambda is retried by Step Functions as {@code Lambda.Unknown} instead of as the
     * typed {@code DependencyThrottled} its Retry waits out with its own back-off.
     */
    static final int MAX_ATTEMPTS = 3;

    /** The whole call, retries included, ends well inside the shortest function timeout (30 s). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private static final RetryStrategy RETRIES =
            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();

    private AwsClients() {
    }

    /** Configures any service's sync client builder, e.g. {@code AwsClients.build(EksClient.builder(), settings)}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
                                                                                           AwsClientSettings settings) {
        builder.httpClient(new PrimingHttpClient(UrlConnectionHttpClient.create()))
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(c -> {
                    settings.interceptors().forEach(c::addExecutionInterceptor);
                    c.retryStrategy(RETRIES).apiCallTimeout(CALL_TIMEOUT);
                });
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbClient dynamoDb(AwsClientSettings settings) {
        return build(DynamoDbClient.builder(), settings);
    }
}
