package dev.ekslifecycle.metrics;

import dev.ekslifecycle.store.OperationType;
import java.time.Duration;

/**
 * The figures a platform team watches and alarms on, as the services and handlers see them. How they reach
 * CloudWatch is the implementation's business ({@code metrics.emf}); the callers stay free of it.
 */
public interface LifecycleMetrics {

    /** A metrics sink that records nothing, for services built outside a Lambda (tests, tools). */
    LifecycleMetrics NONE = new LifecycleMetrics() {
        @Override
        public void operationStarted(OperationType type) {
        }

        @Override
        public void operationFinished(OperationType type, boolean succeeded) {
        }

        @Override
        public void stepFinished(String step, boolean succeeded, Duration duration) {
        }

        @Override
        public void dependencyFailed(String service, boolean throttled) {
        }

        @Override
        public void apiAnswered(int status) {
        }
    };

    /** An operation's workflow was started. */
    void operationStarted(OperationType type);

    /** An operation reached SUCCEEDED or FAILED. */
    void operationFinished(OperationType type, boolean succeeded);

    /** A workflow step's Lambda finished, successfully or with an exception. */
    void stepFinished(String step, boolean succeeded, Duration duration);

    /** A call to an AWS service was throttled or failed on the service's side or on the way there. */
    void dependencyFailed(String service, boolean throttled);

    /** The REST API answered with this status. */
    void apiAnswered(int status);
}
