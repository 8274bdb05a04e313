package dev.ekslifecycle.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients the one way the project does: the URL-connection HTTP client (the only one in function.zip;
 * it starts fastest) behind {@link PrimingHttpClient}, region and credentials from the settings, the endpoint
 * override when there is one.
 */
public final class AwsClients {

    private AwsClients() {
    }

    /** Configures any service's sync client builder, e.g. {@code AwsClients.build(EksClient.builder(), settings)}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
                                                                                           AwsClientSettings settings) {
        builder.httpClient(new PrimingHttpClient(UrlConnectionHttpClient.create()))
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(c -> settings.interceptors().forEach(c::addExecutionInterceptor));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbClient dynamoDb(AwsClientSettings settings) {
        return build(DynamoDbClient.builder(), settings);
    }
}
