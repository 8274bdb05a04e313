package dev.ekslifecycle.local.http;

/**
 * One service on the edge port. The edge asks each endpoint in turn whether it {@link #accepts} a request (by
 * {@code X-Amz-Target}, path, {@code Action=} or SigV4 service) and hands it to the first that does.
 */
public interface Endpoint {

    /** A short name for logs and the fault-injection control, for example {@code dynamodb} or {@code eks}. */
    String name();

    /** True when this endpoint serves the request. Must be cheap and must not read state. */
    boolean accepts(Request request);

    /**
     * Serves the request. An AWS-shaped error is a normal response; an exception thrown here is a bug and is
     * answered with a 500.
     */
    Response handle(Request request) throws Exception;
}
