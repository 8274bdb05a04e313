package dev.ekslifecycle.local.http;

/** A request that is not valid HTTP/1.1: answered with {@code status} and the connection closed. */
final class MalformedRequestException extends RuntimeException {

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
