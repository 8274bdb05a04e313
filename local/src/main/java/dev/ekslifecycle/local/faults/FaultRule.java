package dev.ekslifecycle.local.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected fault: for calls to {@code service}/{@code operation} on {@code resource} ("*" matches any), answer
 * with the AWS error {@code errorCode} (HTTP {@code httpStatus}) with the given probability, for at most
 * {@code remaining} calls (-1: unlimited), after {@code latency} of real time. A rule with no error code only adds
 * latency.
 */
public record FaultRule(
        String service,
        String operation,
        String resource,
        String errorCode,
        int httpStatus,
        String message,
        double probability,
        int remaining,
        Duration latency) {

    public FaultRule {
        Objects.requireNonNull(service, "service");
        operation = operation == null ? "*" : operation;
        resource = resource == null ? "*" : resource;
        latency = latency == null ? Duration.ZERO : latency;
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1, not " + probability);
        }
        if (remaining < -1 || remaining == 0) {
            throw new IllegalArgumentException("count must be positive (or absent for unlimited), not " + remaining);
        }
        if (errorCode == null && latency.isZero()) {
            throw new IllegalArgumentException("a fault needs an error code, a latency or both");
        }
    }

    /** An error on every matching call until removed. */
    public static FaultRule always(String service, String operation, String errorCode, int httpStatus) {
        return new FaultRule(service, operation, "*", errorCode, httpStatus, null, 1.0, -1, Duration.ZERO);
    }

    /** An error on the next {@code count} matching calls. */
    public static FaultRule nextCalls(String service, String operation, String errorCode, int httpStatus, int count) {
        return new FaultRule(service, operation, "*", errorCode, httpStatus, null, 1.0, count, Duration.ZERO);
    }

    boolean matches(String service, String operation, String resource) {
        return this.service.equalsIgnoreCase(service)
                && ("*".equals(this.operation) || this.operation.equals(operation))
                && ("*".equals(this.resource) || this.resource.equals(resource));
    }
}
