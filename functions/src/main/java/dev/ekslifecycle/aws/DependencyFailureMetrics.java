package dev.ekslifecycle.aws;

import dev.ekslifecycle.metrics.LifecycleMetrics;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls that failed for reasons of the dependency, by service: throttled, failed on the service's
 * side (5xx) or on the way there (no response). Rejections of the request itself (4xx such as a failed condition or
 * a missing resource) are answers the code expects, not dependency failures, and are not counted. Counted once per
 * call, after the SDK's own retries.
 */
final class DependencyFailureMetrics implements ExecutionInterceptor {

    private final LifecycleMetrics metrics;

    DependencyFailureMetrics(LifecycleMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        Throwable failure = context.exception();
        if (failure instanceof AwsServiceException aws) {
            if (aws.isThrottlingException()) {
                metrics.dependencyFailed(service, true);
            } else if (aws.statusCode() >= 500) {
                metrics.dependencyFailed(service, false);
            }
        } else if (failure instanceof SdkClientException) {
            metrics.dependencyFailed(service, false);
        }
    }
}
