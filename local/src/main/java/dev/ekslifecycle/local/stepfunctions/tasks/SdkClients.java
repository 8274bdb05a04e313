package dev.ekslifecycle.local.stepfunctions.tasks;

import dev.ekslifecycle.local.aws.LocalAccount;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS SDK clients the integrations call, one per service, all pointed at one endpoint (the local cloud's edge
 * port). A service is found by its Step Functions name ({@code eks}, {@code dynamodb}, {@code sfn}, ...): the client
 * class {@code software.amazon.awssdk.services.<name>.<Prefix>Client} of any SDK module on the classpath.
 */
final class SdkClients implements AutoCloseable {

    /** Client class prefixes whose spelling cannot be derived from the service name. */
    private static final Map<String, String> PREFIXES = Map.of("dynamodb", "DynamoDb", "eks", "Eks", "sfn", "Sfn",
            "eventbridge", "EventBridge", "autoscaling", "AutoScaling", "ec2", "Ec2", "lambda", "Lambda",
            "sqs", "Sqs", "sns", "Sns", "s3", "S3");

    private final URI endpoint;
    private final Map<String, ServiceClient> clients = new ConcurrentHashMap<>();

    /** A client with its public interface, whose methods are the actions (the implementation class is hidden). */
    record ServiceClient(SdkClient client, Class<?> type) {
    }

    SdkClients(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The prefix of a service's error names and client class: {@code DynamoDb}, {@code Eks}, ... */
    static String prefix(String service) {
        String p = PREFIXES.get(service);
        return p != null ? p : Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }

    /** The client for {@code service}, or empty when no SDK module for it is on the classpath. */
    Optional<ServiceClient> client(String service) {
        ServiceClient existing = clients.get(service);
        if (existing != null) {
            return Optional.of(existing);
        }
        Class<?> type;
        try {
            type = Class.forName("software.amazon.awssdk.services." + service + "." + prefix(service) + "Client");
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(clients.computeIfAbsent(service, s -> new ServiceClient(build(type), type)));
    }

    private SdkClient build(Class<?> type) {
        try {
            Method builderMethod = type.getMethod("builder");
            Object builder = builderMethod.invoke(null);
            ((AwsClientBuilder<?, ?>) builder).endpointOverride(endpoint).region(Region.of(LocalAccount.DEFAULT_REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("local", "local")))
                    // host prefixes (sync-, data-) cannot be put in front of a local address; retries belong to
                    // the state machine's Retry, not to the client
                    .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption
                            .DISABLE_HOST_PREFIX_INJECTION, true)
                            .retryStrategy(b -> b.maxAttempts(1)));
            ((AwsSyncClientBuilder<?, ?>) builder).httpClient(UrlConnectionHttpClient.create());
            return (SdkClient) builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(c -> c.client().close());
    }
}
