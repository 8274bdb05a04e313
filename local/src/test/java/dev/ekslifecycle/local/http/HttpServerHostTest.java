package dev.ekslifecycle.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 transport under every emulator, spoken to over real sockets: keep-alive, bodies by length and
 * chunked, {@code Expect: 100-continue}, HEAD, malformed requests, routing errors, and closing.
 */
class HttpServerHostTest {

    /** Answers with what it saw: method, path, raw query, one header and the body. */
    private static final Endpoint ECHO = new Endpoint() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public boolean accepts(Request request) {
            return !request.path().startsWith("/other");
        }

        @Override
        public Response handle(Request request) {
            if (request.path().equals("/fail")) {
                throw new IllegalStateException("broken \"on purpose\"");
            }
            if (request.path().equals("/nothing")) {
                return Response.empty(204);
            }
            String seen = request.method() + " " + request.path() + " " + request.rawQuery() + " "
                    + request.header("x-test").orElse("-") + " " + request.bodyText();
            return Response.of(200, "text/plain", seen).withHeader("X-Echo", "yes");
        }
    };

    private HttpServerHost host;

    @BeforeEach
    void start() throws IOException {
        host = HttpServerHost.start("test", 0, SimulationClock.real()).add(ECHO);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void servesSeveralRequestsOnOneConnection() throws IOException {
        try (Socket s = connect()) {
            for (int i = 0; i < 3; i++) {
                send(s, "POST /items/" + i + "?a=b%20c HTTP/1.1\r\nHost: x\r\nx-test:  v" + i
                        + " \r\nContent-Length: 5\r\n\r\nhello");
                Reply reply = Reply.read(s.getInputStream());
                assertEquals(200, reply.status);
                assertEquals("POST /items/" + i + " a=b%20c v" + i + " hello", reply.body);
                assertEquals("yes", reply.headers.get("x-echo"));
                assertTrue(reply.headers.containsKey("date"));
            }
        }
    }

    @Test
    void readsPipelinedRequestsWhoseHeadersCrossTheReadBuffer() throws IOException {
        StringBuilder three = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            three.append("GET /p").append(i).append(" HTTP/1.1\r\nHost: x\r\nX-Test: ").append(String.valueOf(i).repeat(7_000))
                    .append("\r\n\r\n");
        }
        try (Socket s = connect()) {
            send(s, three.toString());
            for (int i = 0; i < 3; i++) {
                assertEquals("GET /p" + i + " null " + String.valueOf(i).repeat(7_000) + " ",
                        Reply.read(s.getInputStream()).body);
            }
        }
    }

    @Test
    void refusesAHeaderLineLongerThanTheBuffer() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET / HTTP/1.1\r\nX-Test: " + "y".repeat(20_000) + "\r\n\r\n");
            assertEquals(431, Reply.read(s.getInputStream()).status);
        }
    }

    @Test
    void decodesThePathAndKeepsTheQueryRaw() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET /a%20b/c?x=%2F HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("GET /a b/c x=%2F - ", Reply.read(s.getInputStream()).body);
        }
    }

    @Test
    void readsAChunkedBody() throws IOException {
        try (Socket s = connect()) {
            send(s, "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\nwiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer: t\r\n\r\n");
            assertEquals("PUT /c null - wikipedia", Reply.read(s.getInputStream()).body);
        }
    }

    @Test
    void answersExpectContinueBeforeTheBodyIsSent() throws IOException {
        try (Socket s = connect()) {
            send(s, "POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
            Reply interim = Reply.read(s.getInputStream());
            assertEquals(100, interim.status);
            send(s, "abc");
            assertEquals("POST /e null - abc", Reply.read(s.getInputStream()).body);
        }
    }

    @Test
    void headAndNoContentResponsesCarryNoBody() throws IOException {
        try (Socket s = connect()) {
            send(s, "HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply head = Reply.read(s.getInputStream());
            assertEquals(200, head.status);
            assertEquals("", head.body);
            send(s, "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply none = Reply.read(s.getInputStream());
            assertEquals(204, none.status);
            assertFalse(none.headers.containsKey("content-length"));
            send(s, "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("GET /after null - ", Reply.read(s.getInputStream()).body);
        }
    }

    @Test
    void closesTheConnectionWhenAsked() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Reply reply = Reply.read(s.getInputStream());
            assertEquals("close", reply.headers.get("connection"));
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET /old HTTP/1.0\r\n\r\n");
            assertEquals("GET /old null - ", Reply.read(s.getInputStream()).body);
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void malformedRequestsGet400AndTheConnectionCloses() throws IOException {
        for (String bad : List.of("NONSENSE\r\n\r\n", "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n", "GET /a b c HTTP/1.1\r\n\r\n",
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try (Socket s = connect()) {
                send(s, bad);
                assertEquals(400, Reply.read(s.getInputStream()).status, bad);
                assertEquals(-1, s.getInputStream().read(), bad);
            }
        }
    }

    @Test
    void anEndpointFailureIsA500AndAnUnroutedRequestA404() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> failed = client.send(HttpRequest.newBuilder(URI.create(host.url() + "/fail")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, failed.statusCode());
        assertEquals("InternalFailure", failed.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(failed.body().contains("broken \\\"on purpose\\\""), failed.body());
        HttpResponse<String> unrouted = client.send(
                HttpRequest.newBuilder(URI.create(host.url() + "/other")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unrouted.statusCode());
        assertTrue(unrouted.body().contains("UnknownOperationException"));
    }

    @Test
    void servesConcurrentClientsIncludingOnesThatOfferHttp2() throws Exception {
        // The JDK client asks for an h2c upgrade by default; the server answers in HTTP/1.1, which it accepts.
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = "request-" + i;
                answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(URI.create(host.url() + "/c"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals("POST /c null - request-" + i, answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeEndsOpenConnectionsAndStopsListening() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply.read(s.getInputStream());
            host.close();
            assertEquals(-1, s.getInputStream().read());
        }
        assertThrows(ConnectException.class, this::connect);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), host.port());
        s.setSoTimeout(5_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One response read off the wire: status, headers (lower-case names) and a Content-Length body. */
    private record Reply(int status, Map<String, String> headers, String body) {

        static Reply read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-line: " + b);
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
