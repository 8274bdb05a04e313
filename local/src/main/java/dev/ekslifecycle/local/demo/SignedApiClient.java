package dev.ekslifecycle.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls eks-lifecycle's REST API the way a platform team's tooling does: JSON over HTTP, SigV4-signed for
 * {@code execute-api}, since the API uses IAM authorization.
 */
final class SignedApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String baseUrl;
    private final String region;
    private final AwsCredentialsIdentity identity;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedApiClient(String baseUrl, String region, String accessKeyId) {
        this.baseUrl = baseUrl;
        this.region = region;
        this.identity = AwsCredentialsIdentity.create(accessKeyId, "local");
    }

    /** The answer: status and the JSON body. */
    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + path);
        String text = body == null ? null : body.toString();
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        if (text != null) {
            unsigned.putHeader("Content-Type", "application/json");
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity).request(unsigned.build())
                .payload(text == null ? null : ContentStreamProvider.fromUtf8String(text))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
