package dev.ekslifecycle.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HTTP/1.1 requests one after another from a connection's input: request line, headers, and a body sent
 * with {@code Content-Length} or chunked. Answers {@code Expect: 100-continue} before reading the body, as clients
 * that send it wait for that answer. One buffer per connection, reused for every request on it.
 */
final class RequestReader {

    private static final int MAX_HEADERS = 200;
    private static final long MAX_BODY = 256L * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private int lineStart;

    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** True when a request has started arriving; false when the peer closed the connection between requests. */
    boolean awaitRequest() throws IOException {
        while (position < limit && (buffer[position] == '\r' || buffer[position] == '\n')) {
            position++;
        }
        while (position >= limit) {
            if (!fill()) {
                return false;
            }
            while (position < limit && (buffer[position] == '\r' || buffer[position] == '\n')) {
                position++;
            }
        }
        return true;
    }

    /** Reads one request head; the body follows through {@link #readBody}. */
    Head readHead() throws IOException {
        String requestLine = readLine();
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace) {
            throw new MalformedRequestException(400, "Bad request line");
        }
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, lastSpace);
        String version = requestLine.substring(lastSpace + 1);
        if (!version.startsWith("HTTP/1.")) {
            throw new MalformedRequestException(505, "HTTP version not supported");
        }
        TreeMap<String, List<String>> headers = readHeaders();
        String[] pathAndQuery = pathAndQuery(target);
        boolean http10 = version.equals("HTTP/1.0");
        String connection = first(headers, "Connection").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        return new Head(method, pathAndQuery[0], pathAndQuery[1], headers, keepAlive,
                !http10 && first(headers, "Expect").equalsIgnoreCase("100-continue"));
    }

    /** Header fields up to the empty line, in a case-insensitive map with unmodifiable value lists. */
    private TreeMap<String, List<String>> readHeaders() throws IOException {
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String previousName = null;
        while (true) {
            int to = nextLine();
            int from = lineStart;
            if (to == from) {
                return headers;
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new MalformedRequestException(431, "Too many header fields");
            }
            if ((buffer[from] == ' ' || buffer[from] == '\t') && previousName != null) {
                // Obsolete line folding: the line continues the previous field's value.
                List<String> values = headers.get(previousName);
                int moreFrom = trimStart(from, to);
                String joined = values.get(values.size() - 1) + " " + text(moreFrom, trimEnd(moreFrom, to));
                headers.put(previousName, with(values.subList(0, values.size() - 1), joined));
                continue;
            }
            int colon = from;
            while (colon < to && buffer[colon] != ':') {
                colon++;
            }
            if (colon == from || colon == to) {
                throw new MalformedRequestException(400, "Bad header line");
            }
            // Name and value are cut out of the buffer where they lie: no copy of the whole line first.
            String name = text(from, trimEnd(from, colon));
            int valueFrom = trimStart(colon + 1, to);
            headers.put(name, with(headers.getOrDefault(name, List.of()), text(valueFrom, trimEnd(valueFrom, to))));
            previousName = name;
        }
    }

    private static List<String> with(List<String> values, String value) {
        if (values.isEmpty()) {
            return List.of(value);
        }
        List<String> more = new ArrayList<>(values);
        more.add(value);
        return List.copyOf(more);
    }

    private int trimStart(int from, int to) {
        while (from < to && (buffer[from] == ' ' || buffer[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimEnd(int from, int to) {
        while (to > from && (buffer[to - 1] == ' ' || buffer[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The parts of a request head; see {@link #readHead}. */
    record Head(String method, String path, String rawQuery, TreeMap<String, List<String>> headers, boolean keepAlive,
                boolean expectsContinue) {
    }

    /** Reads the body that follows {@code head} and returns the whole request. */
    Request readBody(Head head) throws IOException {
        String transferEncoding = first(head.headers(), "Transfer-Encoding").toLowerCase(Locale.ROOT);
        List<String> lengths = head.headers().getOrDefault("Content-Length", List.of());
        boolean chunked = transferEncoding.contains("chunked");
        if (head.expectsContinue() && (chunked || !lengths.isEmpty())) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (!transferEncoding.isEmpty() && !transferEncoding.equals("identity")) {
            throw new MalformedRequestException(501, "Transfer-Encoding not supported");
        } else {
            body = readFixed(contentLength(lengths));
        }
        return Request.ofParsed(head.method(), head.path(), head.rawQuery(), head.headers(), body);
    }

    private static long contentLength(List<String> lengths) {
        if (lengths.isEmpty()) {
            return 0;
        }
        long length = -1;
        for (String value : lengths) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "Bad Content-Length");
            }
            if (parsed < 0 || (length >= 0 && parsed != length)) {
                throw new MalformedRequestException(400, "Bad Content-Length");
            }
            length = parsed;
        }
        if (length > MAX_BODY) {
            throw new MalformedRequestException(413, "Request body too large");
        }
        return length;
    }

    private byte[] readFixed(long length) throws IOException {
        byte[] body = new byte[(int) length];
        int done = 0;
        while (done < body.length) {
            if (position >= limit && !fill()) {
                throw new MalformedRequestException(400, "Request body shorter than Content-Length");
            }
            int n = Math.min(limit - position, body.length - done);
            System.arraycopy(buffer, position, body, done, n);
            position += n;
            done += n;
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "Bad chunk size");
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new MalformedRequestException(413, "Request body too large");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not used by any endpoint
                }
                return body.toByteArray();
            }
            body.write(readFixed(size));
            if (!readLine().isEmpty()) {
                throw new MalformedRequestException(400, "Bad chunk");
            }
        }
    }

    /** A line without its CR LF (a bare LF is accepted), read as ISO-8859-1 as header bytes are. */
    private String readLine() throws IOException {
        int to = nextLine();
        return text(lineStart, to);
    }

    /**
     * Makes sure the whole current line is in the buffer and moves past it; the line's content is then from
     * {@link #lineStart} to the returned index (before CR LF). A line longer than the buffer is refused.
     */
    private int nextLine() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    lineStart = position;
                    position = i + 1;
                    return i > lineStart && buffer[i - 1] == '\r' ? i - 1 : i;
                }
            }
            if (position == 0 && limit == buffer.length) {
                throw new MalformedRequestException(431, "Header line too long");
            }
            scanned = limit - position;
            System.arraycopy(buffer, position, buffer, 0, scanned);
            position = 0;
            limit = scanned;
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                throw new MalformedRequestException(400, "Connection closed inside the request head");
            }
            limit += n;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /**
     * The decoded path and raw query of a request target. A plain path (the common case: {@code /}) is taken as it
     * is; anything else goes through {@link URI}, which also rejects targets that are not valid URIs.
     */
    static String[] pathAndQuery(String target) {
        if (isPlainPath(target)) {
            return new String[] {target, null};
        }
        try {
            URI uri = new URI(target);
            return new String[] {uri.getPath(), uri.getRawQuery()};
        } catch (URISyntaxException e) {
            throw new MalformedRequestException(400, "Bad request target");
        }
    }

    private static boolean isPlainPath(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
