package dev.ekslifecycle.events;

/**
 * Publishes lifecycle events. Delivery is at least once: a step that is retried may publish its event again, so
 * consumers de-duplicate on (operationId, detail-type). A failure surfaces as
 * {@link dev.ekslifecycle.errors.DependencyThrottledException} or
 * {@link dev.ekslifecycle.errors.DependencyUnavailableException}, which the workflows retry.
 */
public interface LifecycleEventPublisher {

    void publish(LifecycleEvent event);
}
