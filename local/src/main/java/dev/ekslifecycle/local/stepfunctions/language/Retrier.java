package dev.ekslifecycle.local.stepfunctions.language;

import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One {@code Retry} entry. The n-th retry (0-based) waits {@code IntervalSeconds × BackoffRate^n}, capped by
 * {@code MaxDelaySeconds}; with {@code JitterStrategy: FULL} a uniformly random part of that.
 */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
        Double maxDelaySeconds, boolean fullJitter) {

    public boolean matches(String error) {
        return ErrorNames.matchesAny(errorEquals, error);
    }

    public Duration delay(int retryIndex, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retryIndex);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }
}
