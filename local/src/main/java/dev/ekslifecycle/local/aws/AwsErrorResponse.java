package dev.ekslifecycle.local.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
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
     * Passes one call of a JSON-protocol service through the {@link FaultGate}: the injected error, if any, as the
     * response to send instead of serving the call.
     */
    public static Optional<Response> injectedFault(FaultInjector faults, String service, String operation,
                                                   String resource) {
        return new FaultGate(faults, service).check(operation, resource)
                .map(f -> json(f.httpStatus(), f.errorCode(), f.messageOrDefault()));
    }
}
