package dev.ekslifecycle.local.lambda;

import java.time.Duration;

/**
 * How Lambda handles a function's asynchronous invocations: retries of function errors (0 to 2, default 2), the
 * oldest an event may be when it is tried (60 s to 6 h, default 6 h), where records go on success and on failure
 * (an SQS queue ARN, or null), and the function's dead-letter queue (an SQS queue ARN, or null).
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, Duration maximumEventAge, String onSuccess,
                                String onFailure, String deadLetterQueue) {

    public static final AsyncInvokeConfig DEFAULT = new AsyncInvokeConfig(2, Duration.ofHours(6), null, null, null);

    public AsyncInvokeConfig {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 2) {
            throw new IllegalArgumentException("MaximumRetryAttempts must be between 0 and 2, not "
                    + maximumRetryAttempts);
        }
        if (maximumEventAge.compareTo(Duration.ofSeconds(60)) < 0
                || maximumEventAge.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("MaximumEventAgeInSeconds must be between 60 and 21600, not "
                    + maximumEventAge.toSeconds());
        }
    }
}
