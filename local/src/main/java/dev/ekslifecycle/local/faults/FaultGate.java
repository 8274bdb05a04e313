package dev.ekslifecycle.local.faults;

import java.util.Optional;

/**
 * The one place that applies the shared {@link FaultInjector} to a call of one service: it asks the injector, waits
 * the injected latency (the injector's {@link LatencyWait}: real time unless a test says otherwise) and hands back
 * the injected error, if any. The endpoint answers that error in its own protocol's shape (JSON {@code __type},
 * query XML, Kubernetes Status); the gate never renders.
 *
 * <p>Interrupted while waiting (the server is stopping), the gate stops waiting, restores the thread's interrupt
 * flag and goes on with what the injector decided: the injected error is still answered, and a call that was only
 * delayed is served. So an interrupt never turns an injected fault into another answer.
 */
public final class FaultGate {

    private final FaultInjector injector;
    private final String service;

    /** A gate for calls to {@code service}; a null injector lets every call through. */
    public FaultGate(FaultInjector injector, String service) {
        this.injector = injector;
        this.service = service;
    }

    /**
     * Decides one call of {@code operation} on {@code resource} (null: the call names none), after waiting any
     * injected latency: the error to answer instead of serving the call, if a rule says so.
     */
    public Optional<InjectedFault> check(String operation, String resource) {
        if (injector == null) {
            return Optional.empty();
        }
        Optional<InjectedFault> fault = injector.onCall(service, operation, resource == null ? "*" : resource);
        fault.ifPresent(this::waitFor);
        return fault.filter(InjectedFault::isError);
    }

    private void waitFor(InjectedFault fault) {
        if (fault.latency().isZero()) {
            return;
        }
        try {
            injector.latencyWait().await(fault.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
