package dev.ekslifecycle.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How to reach AWS: region, credentials and, for local endpoints, one endpoint for every service (the local cloud's
 * edge port); the interceptors every client gets (metrics of failed calls).
 */
public record AwsClientSettings(Region region, AwsCredentialsProvider credentials, Optional<URI> endpointOverride,
                                List<ExecutionInterceptor> interceptors) {

    public AwsClientSettings {
        interceptors = List.copyOf(interceptors);
    }

    /** Settings without interceptors, for clients built outside a Lambda (tests, tools). */
    public AwsClientSettings(Region region, AwsCredentialsProvider credentials, Optional<URI> endpointOverride) {
        this(region, credentials, endpointOverride, List.of());
    }

    /**
     * Region and credentials from the SDK's default chains (in Lambda: AWS_REGION and the execution role's
     * variables), resolved when called, never at class loading.
     */
    public static AwsClientSettings fromEnvironment(Optional<URI> endpointOverride,
                                                    List<ExecutionInterceptor> interceptors) {
        return new AwsClientSettings(new DefaultAwsRegionProviderChain().getRegion(),
                DefaultCredentialsProvider.builder().build(), endpointOverride, interceptors);
    }
}
