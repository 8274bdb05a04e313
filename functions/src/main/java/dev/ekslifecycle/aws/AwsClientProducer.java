package dev.ekslifecycle.aws;

import dev.ekslifecycle.metrics.LifecycleMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients for the handlers, built once per Lambda container on first use. {@code aws.endpoint.url} is read
 * from the environment variable {@code AWS_ENDPOINT_URL}, which the local cloud sets.
 */
@ApplicationScoped
public class AwsClientProducer {

    @ConfigProperty(name = "aws.endpoint.url")
    Optional<URI> endpointOverride;

    @Produces
    @Singleton
    AwsClientSettings settings(LifecycleMetrics metrics) {
        return AwsClientSettings.fromEnvironment(endpointOverride, List.of(new DependencyFailureMetrics(metrics)));
    }

    /** Application-scoped: injected as a proxy, built on the first call (GET /openapi.json makes none). */
    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb(AwsClientSettings settings) {
        return AwsClients.dynamoDb(settings);
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }
}
