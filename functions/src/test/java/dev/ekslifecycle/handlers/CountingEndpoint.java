package dev.ekslifecycle.handlers;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one endpoint every SDK client of the application under test talks to: it counts the AWS requests it gets and
 * answers each with a 400, and tells the count at {@code GET /_count}.
 */
public class CountingEndpoint implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> SDK_PROPERTIES = Map.of("aws.region", "us-east-1",
            "aws.accessKeyId", "test", "aws.secretAccessKey", "test");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        AtomicInteger received = new AtomicInteger();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean count = exchange.getRequestURI().getPath().equals("/_count");
            byte[] body = (count ? String.valueOf(received.get())
                    : "{\"__type\":\"ValidationException\",\"message\":\"counted\"}").getBytes(StandardCharsets.UTF_8);
            if (!count) {
                received.incrementAndGet();
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ValidationException");
            }
            exchange.sendResponseHeaders(count ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        SDK_PROPERTIES.forEach(System::setProperty);
        return Map.of("aws.endpoint.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "state.table", "counted");
    }

    @Override
    public void stop() {
        SDK_PROPERTIES.keySet().forEach(System::clearProperty);
        server.stop(0);
    }

    /** How many AWS requests the endpoint of the running application has counted. */
    static int requestsReceived() throws IOException, InterruptedException {
        // Read from the configuration, not injected: other test classes run without this endpoint.
        URI endpoint = ConfigProvider.getConfig().getValue("aws.endpoint.url", URI.class);
        HttpResponse<String> count = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/_count")).build(), HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(count.body());
    }
}
