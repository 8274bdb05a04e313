package dev.ekslifecycle.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(AwsClientSettings settings, ClientPriming priming) {
        return priming.add(AwsClients.dynamoDb(settings), c -> c.getItem(r -> r.tableName("priming")
                .key(Map.of("pk", AttributeValue.fromS("priming"), "sk", AttributeValue.fromS("priming")))));
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }
}
