package dev.ekslifecycle.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP endpoint on a free local port that counts requests and answers each with the same AWS error. */
final class CannedEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private volatile int status;
    private volatile Map<String, String> headers;
    private volatile String body;

    CannedEndpoint(int status, Map<String, String> headers, String body) throws IOException {
        answer(status, headers, body);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
            this.headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(this.status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Answers the next requests with DynamoDB's error {@code errorType} (its short name) and {@code status}. */
    void answerDynamoDbError(int status, String errorType) {
        answer(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"no\"}");
    }

    /** Answers the next requests with this instead. */
    void answer(int status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
