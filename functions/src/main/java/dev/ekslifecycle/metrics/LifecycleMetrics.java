package dev.ekslifecycle.metrics;

import dev.ekslifecycle.store.OperationType;
import java.time.Duration;

/**
 * The figures a platform team watches and alarms on, as the services and handlers see them. How they reach
 * CloudWatch is the implementation's business ({@code metrics.emf}); the callers stay free of it. Every figure is
 * ignored unless an implementation records it.
 */
public interface LifecycleMetrics {

    /** A metrics sink that records nothing, for services built outside a Lambda (tests, tools). */
    LifecycleMetrics NONE = new LifecycleMetrics() {
    };

    /** An operation's workflow was started. */
    default void operationStarted(OperationType type) {
    }

    /** An operation reached SUCCEEDED or FAILED. */
    default void operationFinished(OperationType type, boolean succeeded) {
    }

    /** A workflow step's Lambda finished, successfully or with an exception. */
    default void stepFinished(String step, boolean succeeded, Duration duration) {
    }

    /** A call to an AWS service was throttled or failed on the service's side or on the way there. */
    default void dependencyFailed(String service, boolean throttled) {
    }

    /** The REST API answered with this status. */
    default void apiAnswered(int status) {
    }
}
