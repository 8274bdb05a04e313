package dev.ekslifecycle.local.http;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that routes every request to the first {@link Endpoint} that accepts it. The edge
 * port (all AWS services on one port) and the local DynamoDB on its own are both one of these.
 *
 * <p>Each connection is served by a thread of its own ({@link HttpConnection}), keep-alive, with TCP_NODELAY. Each
 * request is served inside a busy section of the clock, so a virtual clock never jumps while a request is half
 * done.
 */
public final class HttpServerHost implements AutoCloseable {

    private static final long ACCEPT_RETRY_PAUSE_MS = 50;
    private static final Logger LOG = Logger.getLogger(HttpServerHost.class.getName());

    private final ServerSocket serverSocket;
    private final ExecutorService pool;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final SimulationClock clock;
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpServerHost(ServerSocket serverSocket, ExecutorService pool, SimulationClock clock, String name) {
        this.serverSocket = serverSocket;
        this.pool = pool;
        this.clock = clock;
        this.acceptor = new Thread(this::accept, name + "-http-accept");
        acceptor.setDaemon(true);
    }

    /** Starts a server on {@code port} of 127.0.0.1 (0 picks a free port). */
    public static HttpServerHost start(String name, int port, SimulationClock clock) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServerHost host = new HttpServerHost(serverSocket, pool, clock, name);
        host.acceptor.start();
        return host;
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed on port " + port(), e);
                    // A failure that persists (out of file descriptors) would otherwise spin this thread and flood
                    // the log; connections that close meanwhile free what the next accept needs.
                    if (!pauseAfterFailedAccept()) {
                        return;
                    }
                }
                continue;
            }
            connections.add(socket);
            try {
                pool.execute(new HttpConnection(socket, clock, this::route, () -> connections.remove(socket)));
            } catch (RejectedExecutionException shuttingDown) {
                closeQuietly(socket);
            }
        }
    }

    /** Waits a moment in real time; false if interrupted, which ends the accept loop. */
    private static boolean pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Adds an endpoint after those already added. */
    public HttpServerHost add(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops accepting, closes every open connection and ends their threads; the port is free on return. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        try {
            // The JDK finishes closing a listening socket only when the thread blocked in accept() has left it.
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(HttpServerHost::closeQuietly);
        pool.shutdownNow();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
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
