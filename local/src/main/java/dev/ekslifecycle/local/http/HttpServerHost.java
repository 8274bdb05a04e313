package dev.ekslifecycle.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ekslifecycle.local.clock.SimulationClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP server on 127.0.0.1 that routes every request to the first {@link Endpoint} that accepts it. The edge
 * port (all AWS services on one port) and the local DynamoDB on its own are both one of these.
 *
 * <p>Each request is served inside a busy section of the clock, so a virtual clock never jumps while a request is
 * half done.
 */
public final class HttpServerHost implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpServerHost.class.getName());

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // every small request then takes ~40 ms. Read once, when the JDK server's configuration first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final SimulationClock clock;

    private HttpServerHost(HttpServer server, ExecutorService pool, SimulationClock clock) {
        this.server = server;
        this.pool = pool;
        this.clock = clock;
    }

    /** Starts a server on {@code port} of 127.0.0.1 (0 picks a free port). */
    public static HttpServerHost start(String name, int port, SimulationClock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServerHost host = new HttpServerHost(server, pool, clock);
        server.createContext("/", host::serve);
        server.setExecutor(pool);
        server.start();
        return host;
    }

    /** Adds an endpoint after those already added. */
    public HttpServerHost add(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; SimulationClock.Busy ignored = clock.enterBusy()) {
            Request request = read(exchange);
            Response response = route(request);
            write(exchange, response);
        }
    }

    private Response route(Request request) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.accepts(request)) {
                try {
                    return endpoint.handle(request);
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, endpoint.name() + " failed on " + request.method() + " " + request.path(), e);
                    return Response.of(500, "application/json",
                            "{\"__type\":\"InternalFailure\",\"message\":\"" + jsonEscape(String.valueOf(e)) + "\"}")
                            .withHeader("x-amzn-ErrorType", "InternalFailure");
                }
            }
        }
        return Response.of(404, "application/json",
                "{\"__type\":\"UnknownOperationException\",\"message\":\"No local service serves "
                        + jsonEscape(request.method() + " " + request.path()) + "\"}");
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
