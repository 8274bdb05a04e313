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

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final long MAX_BODY = 256L * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

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
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String previousName = null;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previousName != null) {
                // Obsolete line folding: the line continues the previous header's value.
                List<String> values = headers.get(previousName);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new MalformedRequestException(400, "Bad header line");
            }
            previousName = line.substring(0, colon).trim();
            headers.computeIfAbsent(previousName, k -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
        }
        String[] pathAndQuery = pathAndQuery(target);
        boolean http10 = version.equals("HTTP/1.0");
        String connection = first(headers, "Connection").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        return new Head(method, pathAndQuery[0], pathAndQuery[1], headers, keepAlive,
                !http10 && first(headers, "Expect").equalsIgnoreCase("100-continue"));
    }

    /** The parts of a request head; see {@link #readHead}. */
    record Head(String method, String path, String rawQuery, Map<String, List<String>> headers, boolean keepAlive,
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
        return new Request(head.method(), head.path(), head.rawQuery(), head.headers(), body);
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
        StringBuilder spill = null;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    if (spill == null) {
                        return part;
                    }
                    spill.append(part);
                    int last = spill.length() - 1;
                    if (end == i && last >= 0 && spill.charAt(last) == '\r') {
                        spill.setLength(last);
                    }
                    return spill.toString();
                }
            }
            // No line end in the buffer: keep what there is and read on.
            if (spill == null) {
                spill = new StringBuilder();
            }
            spill.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
            position = limit;
            if (spill.length() > MAX_LINE) {
                throw new MalformedRequestException(431, "Header line too long");
            }
            if (!fill()) {
                throw new MalformedRequestException(400, "Connection closed inside the request head");
            }
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
