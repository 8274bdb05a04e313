package dev.ekslifecycle.local.lambda;

import java.nio.charset.StandardCharsets;

/**
 * The result of one invocation as Lambda returns it: the payload and, when the function failed, the
 * {@code X-Amz-Function-Error} value with the payload holding {@code {errorMessage, errorType, stackTrace}}.
 */
public record Invocation(byte[] payload, String functionError) {

    public boolean failed() {
        return functionError != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
