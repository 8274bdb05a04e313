package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.lambda.AsyncInvokeConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A SAM function's {@code EventInvokeConfig} (retries, maximum event age, {@code DestinationConfig}) and
 * {@code DeadLetterQueue} as the Lambda emulator's {@link AsyncInvokeConfig}. Destinations and dead-letter queues
 * are SQS queues given by ARN locally; SNS, Lambda, EventBridge and S3 destinations, and the queue SAM creates when
 * only a {@code Type} is given, stop start-up.
 */
final class AsyncConfigs {

    private AsyncConfigs() {
    }

    /** The function's {@code EventInvokeConfig}, if it has one. */
    static Optional<AsyncInvokeConfig> eventInvokeConfig(ResourceProperties function) {
        return function.object("EventInvokeConfig").map(c -> {
            c.allowOnly(Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig"), Set.of());
            AsyncInvokeConfig defaults = AsyncInvokeConfig.DEFAULT;
            int retries = c.integer("MaximumRetryAttempts").orElse(defaults.maximumRetryAttempts());
            int age = c.integer("MaximumEventAgeInSeconds").orElse((int) defaults.maximumEventAge().toSeconds());
            Optional<ResourceProperties> destinations = c.object("DestinationConfig");
            destinations.ifPresent(d -> d.allowOnly(Set.of("OnSuccess", "OnFailure"), Set.of()));
            String onSuccess = destinations.flatMap(d -> d.object("OnSuccess")).map(AsyncConfigs::destination)
                    .orElse(null);
            String onFailure = destinations.flatMap(d -> d.object("OnFailure")).map(AsyncConfigs::destination)
                    .orElse(null);
            try {
                return new AsyncInvokeConfig(retries, Duration.ofSeconds(age), onSuccess, onFailure, null);
            } catch (IllegalArgumentException e) {
                throw new TemplateException(c.location(), e.getMessage());
            }
        });
    }

    /** The queue of the function's {@code DeadLetterQueue}, if it has one. */
    static Optional<String> deadLetterQueue(ResourceProperties function) {
        return function.object("DeadLetterQueue").map(d -> {
            d.allowOnly(Set.of("Type", "TargetArn"), Set.of());
            requireSqs(d, "Type");
            return d.requiredText("TargetArn");
        });
    }

    private static String destination(ResourceProperties d) {
        d.allowOnly(Set.of("Type", "Destination"), Set.of());
        requireSqs(d, "Type");
        return d.text("Destination").orElseThrow(() -> new TemplateException(d.location("Destination"),
                "is required locally: the queue SAM would create for a Type alone is not supported"));
    }

    private static void requireSqs(ResourceProperties p, String key) {
        String type = p.requiredText(key);
        if (!type.equals("SQS")) {
            throw new TemplateException(p.location(key), "only SQS is supported locally, not " + type);
        }
    }
}
