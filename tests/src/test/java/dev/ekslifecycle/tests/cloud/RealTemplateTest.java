package dev.ekslifecycle.tests.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.LocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The repository's template.yaml started as {@code up} starts it (here in the test JVM, ports 0, virtual clock),
 * driven only through the edge port (AWS SDK) and the API port.
 */
class RealTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "eks-lifecycle-StateTable";
    private static final String VALIDATE = "eks-lifecycle-ValidateClusterSpecFunction";

    /** One local cloud for the tests that only read; the restart test starts its own. */
    private static SimulationClock sharedClock;
    private static LocalCloud shared;

    @BeforeAll
    static void startShared() throws Exception {
        sharedClock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
        shared = start(sharedClock, Optional.empty());
    }

    @AfterAll
    static void stopShared() {
        shared.close();
        sharedClock.shutdown();
    }

    private static LocalCloud start(SimulationClock clock, Optional<Path> dataDir) throws Exception {
        return LocalCloud.start(LocalCloud.Options.of(Path.of(System.getProperty("repo.root"), "template.yaml"),
                clock).withPorts(0, 0).withDataDir(dataDir));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
            B builder, LocalCloud cloud) {
        return builder.endpointOverride(URI.create(cloud.edgeUrl())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static DynamoDbClient dynamoDb(LocalCloud cloud) {
        return client(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()), cloud);
    }

    @Test
    void theStateTableIsCreatedWithItsKeysIndexAndTimeToLive() throws Exception {
        try (DynamoDbClient dynamo = dynamoDb(shared)) {
            TableDescription table = dynamo.describeTable(b -> b.tableName(TABLE)).table();
            assertEquals("pk", table.keySchema().get(0).attributeName());
            assertEquals("sk", table.keySchema().get(1).attributeName());
            assertEquals("gsi1", table.globalSecondaryIndexes().get(0).indexName());
            assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(b -> b.tableName(TABLE))
                    .timeToLiveDescription().timeToLiveStatus());
            assertEquals("expiresAt", dynamo.describeTimeToLive(b -> b.tableName(TABLE))
                    .timeToLiveDescription().attributeName());
        }
    }

    @Test
    void theFunctionsRunTheirHandlersWithTheTemplatesEnvironment() throws Exception {
        try (LambdaClient lambda = client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()),
                shared)) {
            assertTrue(lambda.listFunctions().functions().stream().anyMatch(f -> f.functionName().equals(VALIDATE)));
            InvokeResponse response = lambda.invoke(b -> b.functionName(VALIDATE).payload(SdkBytes.fromUtf8String(
                    "{\"name\": \"orders\"}")));
            assertNull(response.functionError(), response.payload().asUtf8String());
            assertTrue(response.payload().asUtf8String().contains("\"valid\":false"));
        }
    }

    @Test
    void theRestApiServesTheTemplatesRoutesToSignedRequests() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI clusters = URI.create(shared.apiUrl() + "/clusters");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(clusters).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unsigned.statusCode(), "the API uses IAM authorization");
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(clusters).header("Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/execute-api/aws4_request, SignedHeaders=host, "
                        + "Signature=0").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signed.statusCode(), signed.body());
        assertTrue(JSON.readTree(signed.body()).get("clusters").isArray(), signed.body());
    }

    @Test
    void aRestartOnTheSameDataDirectoryContinuesWithTheSameData(@TempDir Path dataDir) throws Exception {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CLUSTER#orders"),
                "sk", AttributeValue.fromS("CLUSTER"));
        SimulationClock clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
        try {
            try (LocalCloud first = start(clock, Optional.of(dataDir)); DynamoDbClient dynamo = dynamoDb(first)) {
                dynamo.putItem(b -> b.tableName(TABLE).item(key));
            }
            try (LocalCloud second = start(clock, Optional.of(dataDir)); DynamoDbClient dynamo = dynamoDb(second)) {
                assertEquals(key, dynamo.getItem(b -> b.tableName(TABLE).key(key)).item());
            }
        } finally {
            clock.shutdown();
        }
    }
}
