package dev.ekslifecycle.local.stepfunctions.tasks;

import java.util.Optional;

/**
 * A Task's {@code Resource}: a Lambda function ARN ({@code arn:aws:lambda:…:function:name}), an optimized
 * integration ({@code arn:aws:states:::dynamodb:putItem}), an SDK integration
 * ({@code arn:aws:states:::aws-sdk:eks:describeCluster}) or an activity, with the integration pattern suffix split
 * off.
 *
 * @param service  {@code lambda-function}, {@code activity}, or the integration's service ({@code dynamodb},
 *                 {@code aws-sdk:eks}, ...)
 * @param action   the action ({@code putItem}), or the function/activity ARN
 */
public record ResourceArn(String text, String service, String action, IntegrationPattern pattern) {

    public static Optional<ResourceArn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")) {
            return Optional.of(new ResourceArn(text, "lambda-function", text, IntegrationPattern.REQUEST_RESPONSE));
        }
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("states") && parts[5].equals("activity")) {
            return Optional.of(new ResourceArn(text, "activity", text, IntegrationPattern.REQUEST_RESPONSE));
        }
        String prefix = "arn:aws:states:::";
        if (!text.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = text.substring(prefix.length());
        IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
        for (IntegrationPattern p : new IntegrationPattern[] {IntegrationPattern.RUN_JOB_JSON,
                IntegrationPattern.RUN_JOB, IntegrationPattern.WAIT_FOR_TASK_TOKEN}) {
            if (rest.endsWith(p.suffix())) {
                pattern = p;
                rest = rest.substring(0, rest.length() - p.suffix().length());
                break;
            }
        }
        int lastColon = rest.lastIndexOf(':');
        if (lastColon <= 0 || lastColon == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ResourceArn(text, rest.substring(0, lastColon), rest.substring(lastColon + 1),
                pattern));
    }

    public boolean isLambdaFunction() {
        return service.equals("lambda-function");
    }

    /** The {@code resourceType} of TaskScheduled and the other task events. */
    public String historyResourceType() {
        return service;
    }

    /** The {@code resource} of TaskScheduled: the action with its pattern suffix. */
    public String historyResource() {
        return action + pattern.suffix();
    }
}
