package dev.ekslifecycle.tests.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.cloud.LocalCloud;
import dev.ekslifecycle.local.demo.SignedApiClient;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The local cloud started from the real template.yaml in this JVM on free ports with the virtual clock, and the
 * public ways in: the REST API over HTTP, AWS SDK clients on the edge port, the edge's /_local control API.
 */
final class LocalCloudFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final SimulationClock clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
    final LocalCloud cloud;
    final EksClient eks;
    final Ec2Client ec2;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SignedApiClient api;

    LocalCloudFixture() throws IOException {
        cloud = LocalCloud.start(LocalCloud.Options.of(RepositoryFiles.resolve("template.yaml"), clock)
                .withPorts(0, 0));
        URI edge = URI.create(cloud.edgeUrl());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        eks = EksClient.builder().endpointOverride(edge).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        api = new SignedApiClient(cloud.apiUrl(), "us-east-1", "platform-team");
        ec2 = Ec2Client.builder().endpointOverride(edge).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Private subnets of the emulated default VPC, one per zone. */
    List<String> privateSubnets() {
        return ec2.describeSubnets().subnets().stream().filter(s -> !Boolean.TRUE.equals(s.mapPublicIpOnLaunch()))
                .map(Subnet::subnetId).toList();
    }

    /** A request to the REST API, SigV4-signed for execute-api as the API's AWS_IAM authorization wants. */
    HttpResponse<String> api(String method, String path, String contentType, String body,
                             Map<String, String> headers) throws IOException, InterruptedException {
        return api.send(method, path, contentType, body, headers);
    }

    HttpResponse<String> api(String method, String path) throws IOException, InterruptedException {
        return api(method, path, null, null, Map.of());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Polls the operation until it has a final status (virtual time runs meanwhile); returns it. */
    JsonNode awaitOperation(String operationId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode op = json(api("GET", "/operations/" + operationId));
            String status = op.path("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                return op;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("operation " + operationId + " still " + status + ": " + op);
            }
            Thread.sleep(20);
        }
    }

    /** Calls the edge's control API. */
    HttpResponse<String> control(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.edgeUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        eks.close();
        ec2.close();
        cloud.close();
        clock.shutdown();
    }
}
