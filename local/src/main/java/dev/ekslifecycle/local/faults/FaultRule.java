package dev.ekslifecycle.local.faults;

import java.time.Duration;

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

    /** Refuses, with an {@link InvalidFaultRule} naming the field, a rule that could only misbehave later. */
    public FaultRule {
        if (service == null || service.isBlank()) {
            throw new InvalidFaultRule("service", "must name a service, for example \"events\" or \"eks\"");
        }
        operation = operation == null ? "*" : operation;
        resource = resource == null ? "*" : resource;
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new InvalidFaultRule("latency", "must not be negative, not " + latency.toMillis() + " ms");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new InvalidFaultRule("probability", "must be between 0 and 1, not " + probability);
        }
        if (remaining < -1 || remaining == 0) {
            throw new InvalidFaultRule("remaining", "must be positive (or -1 for unlimited), not " + remaining);
        }
        if (errorCode != null && errorCode.isBlank()) {
            throw new InvalidFaultRule("errorCode", "must not be blank");
        }
        if (errorCode != null && (httpStatus < 400 || httpStatus > 599)) {
            throw new InvalidFaultRule("httpStatus", "must be an HTTP error status (400-599), not " + httpStatus);
        }
        if (errorCode == null && httpStatus != 0) {
            throw new InvalidFaultRule("httpStatus", "is the status of an error: it needs an errorCode");
        }
        if (errorCode == null && latency.isZero()) {
            throw new InvalidFaultRule("errorCode", "or a latency is needed: a fault without either does nothing");
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
