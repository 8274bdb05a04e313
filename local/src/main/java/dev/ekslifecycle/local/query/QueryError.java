package dev.ekslifecycle.local.query;

/**
 * An AWS error to answer a query-protocol call with. Thrown by request handling and turned into the protocol's
 * error document by the endpoint; never leaves an endpoint.
 */
public final class QueryError extends RuntimeException {

    private final String code;
    private final int status;

    public QueryError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** True when the client is at fault (the awsQuery {@code Type} is Sender). */
    public boolean senderFault() {
        return status < 500;
    }

    public static QueryError missingParameter(String name) {
        return new QueryError("MissingParameter", 400,
                "The request must contain the parameter " + name);
    }

    public static QueryError invalidParameter(String message) {
        return new QueryError("InvalidParameterValue", 400, message);
    }
}
