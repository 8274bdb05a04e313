package dev.ekslifecycle.local.query;

import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import java.util.Optional;

/**
 * Asks the shared {@link FaultInjector} about one call of a service and applies the latency part on the spot.
 * Injected latency is real time by the injector's contract (it slows a client, not the simulation), so this is
 * the one place that sleeps.
 */
public final class FaultGate {

    private final FaultInjector injector;
    private final String service;

    public FaultGate(FaultInjector injector, String service) {
        this.injector = injector;
        this.service = service;
    }

    /** The error to answer with instead of serving the call, if a rule says so. */
    public Optional<InjectedFault> check(String operation, String resource) {
        Optional<InjectedFault> fault = injector.onCall(service, operation, resource == null ? "*" : resource);
        fault.ifPresent(f -> pause(f.latency().toMillis()));
        return fault.filter(InjectedFault::isError);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
