package dev.ekslifecycle.local.faults;

import java.time.Duration;

/**
 * What a service must do to the current call: wait {@code latency} and then, when {@code errorCode} is not null,
 * answer with that AWS error instead of serving the call.
 */
public record InjectedFault(String errorCode, int httpStatus, String message, Duration latency) {

    public boolean isError() {
        return errorCode != null;
    }

    /** The message to send: the rule's own, or one that says the fault was injected. */
    public String messageOrDefault() {
        return message != null ? message : "Injected fault: " + errorCode;
    }
}
