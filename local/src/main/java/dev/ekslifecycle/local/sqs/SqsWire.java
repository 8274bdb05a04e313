package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;

/**
 * One of the two wire protocols SQS speaks: awsJson1_0 (today's SDKs) and the older Query protocol (AWS CLIs and
 * SDKs from before SQS moved to JSON in 2023). Each reads a call into the input the JSON protocol carries and writes
 * the operation's JSON-shaped output in its own format, so {@link SqsEndpoint}'s operations serve both.
 */
interface SqsWire {

    /** An operation and its input, shaped as the JSON protocol's request body. */
    record Call(String operation, JsonNode input) {
    }

    /** The call a request makes; an {@link SqsException} when it is malformed. */
    Call read(Request request) throws SqsException;

    /** The protocol's error code for an operation SQS does not have. */
    String unknownOperationCode();

    Response answer(String operation, ObjectNode output, String requestId);

    Response error(SqsException error, String requestId);
}
