package dev.ekslifecycle.local.events;

import java.util.Map;

/**
 * A rule target as PutTargets gives it. At most one of {@code input}, {@code inputPath} and {@code transformer}
 * is set; with none the whole event is the target's input. {@code retryPolicy} null means EventBridge's default
 * (185 retries, 24 hours); {@code deadLetterArn} is the SQS queue for events that cannot be delivered, or null.
 */
public record Target(String id, String arn, String roleArn, String input, String inputPath,
                     InputTransformer transformer, RetryPolicy retryPolicy, String deadLetterArn) {

    /** How long and how often EventBridge retries a delivery that failed for a reason that may pass. */
    public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeInSeconds) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(185, 86_400);
    }

    public RetryPolicy retryPolicyOrDefault() {
        return retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
    }

    /** InputPathsMap (variable → JSON path into the event) and an InputTemplate with {@code <variable>}s. */
    public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
        public InputTransformer {
            inputPathsMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputPathsMap));
        }
    }
}
