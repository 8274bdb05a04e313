package dev.ekslifecycle.bench.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Just enough of the Lambda Runtime API for one cold start: the first {@code next} gets the event, later ones wait
 * (as they would in a frozen sandbox) until {@link #close()}; the first response or error completes
 * {@link #firstAnswer()}. Any other request is the function calling "AWS" (AWS_ENDPOINT_URL points here): a
 * DynamoDB Query gets an empty page, anything else a quick AWS-shaped 400, so a handler pays for building and using
 * its SDK client without leaving the machine.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    private static final String RUNTIME = "/2018-06-01/runtime/invocation/";
    private static final String REQUEST_ID = "00000000-0000-0000-0000-00000000c01d";

    /** The one AWS call answered with success (an empty page), so that GET /clusters answers 200 as it would. */
    private static final String EMPTY_QUERY_TARGET = "DynamoDB_20120810.Query";

    /**
     * How the function answered the first event, when it asked for it (its initialisation was over) and when it
     * answered, both in System.nanoTime().
     */
    record Answer(String kind, long askedNanos, long answeredNanos, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String event;
    private final AtomicBoolean eventTaken = new AtomicBoolean();
    private volatile long eventAskedNanos;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CompletableFuture<Answer> firstAnswer = new CompletableFuture<>();

    RuntimeApiStandIn(String event) throws IOException {
        this.event = event;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Answer> firstAnswer() {
        return firstAnswer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answerKind = answerKind(path);
        if (path.equals(RUNTIME + "next")) {
            next(exchange, now);
        } else if (answerKind != null) {
            // An init error comes before the function asked for its event: all of its time was init.
            long asked = answerKind.equals("init error") ? now : eventAskedNanos;
            firstAnswer.complete(new Answer(answerKind, asked, now, body));
            send(exchange, 202, "{\"status\":\"OK\"}");
        } else if (EMPTY_QUERY_TARGET.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
            send(exchange, 200, "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}");
        } else {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
            send(exchange, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"cold start stand-in\"}");
        }
    }

    /** "response", "error" or "init error" for the paths where a function answers, else null. */
    private static String answerKind(String path) {
        if (path.equals(RUNTIME + REQUEST_ID + "/response")) {
            return "response";
        } else if (path.equals(RUNTIME + REQUEST_ID + "/error")) {
            return "error";
        } else if (path.equals("/2018-06-01/runtime/init/error")) {
            return "init error";
        }
        return null;
    }

    private void next(HttpExchange exchange, long now) throws IOException {
        if (eventTaken.getAndSet(true)) {
            awaitClose();
            exchange.close();
            return;
        }
        eventAskedNanos = now;
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:coldstart-bench");
        send(exchange, 200, event);
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
