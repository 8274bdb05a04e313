package dev.ekslifecycle.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
public final class SignedApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String baseUrl;
    private final String region;
    private final AwsCredentialsIdentity identity;
    private final HttpClient http = HttpClient.newHttpClient();

    public SignedApiClient(String baseUrl, String region, String accessKeyId) {
        this.baseUrl = baseUrl;
        this.region = region;
        this.identity = AwsCredentialsIdentity.create(accessKeyId, "local");
    }

    /** The answer: status and the JSON body. */
    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body == null ? null : "application/json",
                body == null ? null : body.toString(), Map.of());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }

    /** Sends any request, signed, with the given content type (or none), body (or none) and extra headers. */
    public HttpResponse<String> send(String method, String path, String contentType, String body,
                                     Map<String, String> headers) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + path);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        if (contentType != null) {
            unsigned.putHeader("Content-Type", contentType);
        }
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity).request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.request().headers().forEach((name, values) -> {
            // the HTTP client sets these itself and refuses them from callers
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
