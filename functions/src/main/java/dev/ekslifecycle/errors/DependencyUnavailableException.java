package dev.ekslifecycle.errors;

/**
 * An AWS service failed on its side or could not be reached (5xx, timeouts). Workflows retry it with backoff.
 *
 * <p>Its fully qualified class name is the error name that Step Functions sees (the Java Lambda runtime reports
 * {@code errorType} that way), so the state machines' Retry clauses name it.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
