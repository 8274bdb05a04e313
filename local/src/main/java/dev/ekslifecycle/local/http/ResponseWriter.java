package dev.ekslifecycle.local.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Response} as HTTP/1.1: status line, the response's headers, {@code Date}, {@code Content-Length}
 * (a body is always complete, so never chunked) and {@code Connection: close} when the connection ends after it.
 * Head and a small body go out in one write, so a response is one TCP segment where it fits.
 */
final class ResponseWriter {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static volatile CachedDate date = new CachedDate(0, "");

    private record CachedDate(long epochSecond, String text) {
    }

    private final OutputStream out;

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    void write(Response response, boolean headRequest, boolean close) throws IOException {
        int status = response.status();
        // 1xx, 204 and 304 never carry a body; a HEAD response describes one without sending it.
        boolean bodyForbidden = status < 200 || status == 204 || status == 304;
        boolean sendBody = !bodyForbidden && !headRequest && response.body().length > 0;
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            String name = h.getKey();
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Date")) {
                head.append(name).append(": ").append(singleLine(h.getValue())).append("\r\n");
            }
        }
        head.append("Date: ").append(now()).append("\r\n");
        if (!bodyForbidden) {
            head.append("Content-Length: ").append(sendBody ? response.body().length : 0).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (sendBody) {
            out.write(response.body());
        }
        out.flush();
    }

    /** A header value cannot end the header early: line breaks in it become spaces. */
    private static String singleLine(String value) {
        return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String now() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.epochSecond() != second) {
            cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            date = cached;
        }
        return cached.text();
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
