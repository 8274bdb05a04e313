package dev.ekslifecycle.local.http;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One keep-alive connection, served by one thread from request to request: read a request, answer it, read the
 * next. With one thread per connection a request costs no hand-over between threads (the JDK's HttpServer passes
 * each one from its selector thread to a worker), which on a small machine is a good part of a local call's cost.
 */
final class HttpConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());

    /** A connection with no request for this long is closed, as the JDK's HttpServer does by default. */
    static final int IDLE_TIMEOUT_MILLIS = 30_000;

    private static final int LINGER_MILLIS = 1_000;

    private final Socket socket;
    private final SimulationClock clock;
    private final Function<Request, Response> router;
    private final Runnable onClose;

    HttpConnection(Socket socket, SimulationClock clock, Function<Request, Response> router, Runnable onClose) {
        this.socket = socket;
        this.clock = clock;
        this.router = router;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            RequestReader reader = new RequestReader(socket.getInputStream(), out);
            ResponseWriter writer = new ResponseWriter(out);
            boolean open = true;
            while (open && reader.awaitRequest()) {
                open = serveOne(reader, writer);
            }
        } catch (SocketTimeoutException | SocketException closed) {
            // idle too long, reset by the peer, or closed by HttpServerHost.close(): nothing left to answer
        } catch (IOException e) {
            LOG.log(Level.FINE, "connection failed", e);
        } finally {
            onClose.run();
        }
    }

    /** Serves one request; false when the connection must close after it. */
    private boolean serveOne(RequestReader reader, ResponseWriter writer) throws IOException {
        try {
            RequestReader.Head head = reader.readHead();
            // The busy section starts once a request is known to be coming, so a virtual clock does not jump
            // while its body is still arriving.
            try (SimulationClock.Busy ignored = clock.enterBusy()) {
                Request request = reader.readBody(head);
                writer.write(router.apply(request), "HEAD".equals(head.method()), !head.keepAlive());
            }
            return head.keepAlive();
        } catch (MalformedRequestException e) {
            writer.write(Response.of(e.status(), "text/plain", e.getMessage()), false, true);
            lingerBeforeClose();
            return false;
        }
    }

    /**
     * After refusing a request whose bytes are still arriving: closing with unread input would reset the
     * connection, and a reset can make the client lose the error response it has not read yet. So stop sending,
     * then read and drop what the client still sends, for a bounded time.
     */
    private void lingerBeforeClose() throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        byte[] sink = new byte[8192];
        long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline && socket.getInputStream().read(sink) >= 0) {
            // dropped
        }
    }
}
