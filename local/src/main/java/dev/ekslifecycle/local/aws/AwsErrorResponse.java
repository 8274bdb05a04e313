package dev.ekslifecycle.local.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.http.Response;
import java.util.Optional;

/**
 * An AWS error in the JSON protocols (awsJson1_0, awsJson1_1, restJson1): the code in both the body's
 * {@code __type} and the {@code x-amzn-ErrorType} header, so every SDK and the AWS CLI read it whichever place their
 * protocol looks at.
 */
public final class AwsErrorResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsErrorResponse() {
    }

    public static Response json(int status, String code, String message) {
        return json(status, "application/json", code, message);
    }

    /** The same error with the content type of the service's protocol, such as application/x-amz-json-1.0. */
    public static Response json(int status, String contentType, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", code).put("message", message);
        return Response.of(status, contentType, body.toString()).withHeader("x-amzn-ErrorType", code);
    }

    /**
     * Asks the fault injector about one call of a JSON-protocol service: waits the injected latency (real time, as
     * the rule says) and returns the injected error, if any, as the response to send instead of serving the call.
     */
    public static Optional<Response> injectedFault(FaultInjector faults, String service, String operation,
                                                   String resource) throws InterruptedException {
        Optional<InjectedFault> fault = faults.onCall(service, operation, resource);
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        Thread.sleep(fault.get().latency().toMillis());
        return fault.get().isError()
                ? Optional.of(json(fault.get().httpStatus(), fault.get().errorCode(), fault.get().messageOrDefault()))
                : Optional.empty();
    }
}
