package dev.ekslifecycle.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How to reach AWS: region, credentials and, for local endpoints, one endpoint for every service (the local cloud's
 * edge port).
 */
public record AwsClientSettings(Region region, AwsCredentialsProvider credentials, Optional<URI> endpointOverride) {

    /**
     * Region and credentials from the SDK's default chains (in Lambda: AWS_REGION and the execution role's
     * variables), resolved when called, never at class loading.
     */
    public static AwsClientSettings fromEnvironment(Optional<URI> endpointOverride) {
        return new AwsClientSettings(new DefaultAwsRegionProviderChain().getRegion(),
                DefaultCredentialsProvider.builder().build(), endpointOverride);
    }
}
