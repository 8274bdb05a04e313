package dev.ekslifecycle.workflow;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Client request tokens for EKS: derived from the operation and the resource, so a retried step sends the same
 * token and EKS treats the repeat as the same request, while two operations never share one.
 */
public final class RequestTokens {

    private RequestTokens() {
    }

    public static String of(String operationId, String resource) {
        return UUID.nameUUIDFromBytes((operationId + "/" + resource).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
