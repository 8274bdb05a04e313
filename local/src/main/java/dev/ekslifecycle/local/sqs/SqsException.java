package dev.ekslifecycle.local.sqs;

import dev.ekslifecycle.local.faults.InjectedFault;

/**
 * An SQS error: the modelled error name the JSON protocol reports ({@code __type}
 * {@code com.amazonaws.sqs#QueueDoesNotExist}) and the code of the older Query protocol
 * ({@code AWS.SimpleQueueService.NonExistentQueue}), which the JSON protocol also sends, in the
 * {@code x-amzn-query-error} header, because SQS is "query compatible".
 */
public final class SqsException extends Exception {

    private final String type;
    private final String queryCode;
    private final int status;

    SqsException(String type, String queryCode, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.queryCode = queryCode;
        this.status = status;
    }

    static SqsException queueDoesNotExist() {
        return new SqsException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400,
                "The specified queue does not exist.");
    }

    static SqsException unknownOperation(String code, String operation) {
        return new SqsException(code, code, 400, "The action " + operation + " is not valid for this web service.");
    }

    /** An error the fault injector asked for, under its code in both protocols. */
    static SqsException injected(InjectedFault fault) {
        return new SqsException(fault.errorCode(), fault.errorCode(), fault.httpStatus(), fault.messageOrDefault());
    }

    static SqsException invalidParameter(String message) {
        return new SqsException("InvalidParameterValue", "InvalidParameterValue", 400, message);
    }

    static SqsException missingParameter(String name) {
        return new SqsException("MissingParameter", "MissingParameter", 400,
                "The request must contain the parameter " + name + ".");
    }

    static SqsException invalidAttributeValue(String message) {
        return new SqsException("InvalidAttributeValue", "InvalidAttributeValue", 400, message);
    }

    static SqsException receiptHandleInvalid(String handle) {
        return new SqsException("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 400,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    /** The modelled error name, without the {@code com.amazonaws.sqs#} namespace. */
    public String type() {
        return type;
    }

    /** The Query protocol's code for the same error. */
    public String queryCode() {
        return queryCode;
    }

    public int status() {
        return status;
    }

    /** {@code Sender} for a client error, {@code Receiver} for a server error, as the query error header says. */
    String fault() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
