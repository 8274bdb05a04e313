package dev.ekslifecycle.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of every SDK client: the real one, except on a thread that is priming ({@link ClientPriming}),
 * where a call never leaves the process and gets a canned answer. A priming call therefore runs the whole request
 * path (endpoint rules, marshalling, signing, the HTTP client's request handling, response parsing) with no network
 * and no effect, and real calls on other threads at the same time are not touched.
 */
final class PrimingHttpClient implements SdkHttpClient {

    private static final ThreadLocal<Answer> PRIMING = new ThreadLocal<>();

    /** What a priming call gets back: a success with an empty JSON object, or an error every protocol parses. */
    enum Answer {
        SUCCESS(200, "{}"),
        ERROR(400, "{\"__type\":\"PrimingException\",\"message\":\"primed, not sent\"}");

        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code calls} with every SDK call on this thread answered by {@code answer} instead of sent. */
    static void answering(Answer answer, Runnable calls) {
        PRIMING.set(answer);
        try {
            calls.run();
        } finally {
            PRIMING.remove();
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        Answer answer = PRIMING.get();
        return answer == null ? delegate.prepareRequest(request) : new Canned(request, answer);
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record Canned(HttpExecuteRequest request, Answer answer) implements ExecutableHttpRequest {

        @Override
        public HttpExecuteResponse call() throws IOException {
            if (request.contentStreamProvider().isPresent()) {
                try (InputStream body = request.contentStreamProvider().get().newStream()) {
                    body.readAllBytes();
                }
            }
            byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(answer.status)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("x-amzn-RequestId", "priming")
                            .putHeader("Content-Length", String.valueOf(body.length))
                            .build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                    .build();
        }

        @Override
        public void abort() {
        }
    }
}
