package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import dev.ekslifecycle.local.query.QueryEndpoint;
import java.util.List;
import java.util.Map;

/**
 * SQS's Query protocol, which AWS CLIs and SDKs from before SQS moved to JSON (2023) speak, Debian's AWS CLI
 * v2.9.19 among them: a form-encoded POST (to {@code /} or to a queue's path) signed for {@code sqs},
 * {@code Action=<Operation>&Version=2012-11-05} and the flattened parameters {@link QueryInput} reads; answers in
 * XML written by {@link QueryOutput}, errors with the Query codes ({@code AWS.SimpleQueueService.NonExistentQueue})
 * SQS documents.
 */
final class SqsQueryWire implements SqsWire {

    static final String API_VERSION = "2012-11-05";
    private static final String CONTENT_TYPE = "text/xml";
    private static final String INVALID_ACTION = "InvalidAction";

    /** True for a Query-protocol call to SQS. */
    static boolean accepts(Request request) {
        return QueryEndpoint.isCallTo(request, "sqs", API_VERSION);
    }

    @Override
    public Call read(Request request) throws SqsException {
        Map<String, List<String>> form = request.formParameters();
        List<String> action = form.get("Action");
        if (action == null || action.isEmpty() || action.get(0).isEmpty()) {
            throw new SqsException(INVALID_ACTION, INVALID_ACTION, 400,
                    "The request must name its operation in the Action parameter.");
        }
        return new Call(action.get(0), QueryInput.read(action.get(0), form));
    }

    @Override
    public String unknownOperationCode() {
        return INVALID_ACTION;
    }

    @Override
    public Response answer(String operation, ObjectNode output, String requestId) {
        return Response.of(200, CONTENT_TYPE, QueryOutput.document(operation, output, requestId))
                .withHeader("x-amzn-RequestId", requestId);
    }

    @Override
    public Response error(SqsException error, String requestId) {
        return Response.of(error.status(), CONTENT_TYPE, QueryOutput.error(error, requestId))
                .withHeader("x-amzn-RequestId", requestId);
    }
}
