package dev.ekslifecycle.errors;

/**
 * An AWS service asked us to slow down (throttling). Workflows retry it with backoff and jitter.
 *
 * <p>Its fully qualified class name is the error name that Step Functions sees (the Java Lambda runtime reports
 * {@code errorType} that way), so the state machines' Retry clauses name it.
 */
public class DependencyThrottledException extends RuntimeException {

    public DependencyThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
