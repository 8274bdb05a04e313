package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.http.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** PutTargets' checks of one target, with EventBridge's error messages. */
final class TargetValidation {

    private static final Pattern TARGET_ID = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+");
    private static final Pattern SQS_ARN = Pattern.compile("arn:aws[\\w-]*:sqs:[a-z0-9-]+:\\d{12}:[\\w-]{1,80}");
    private static final int MAX_VARIABLES = 100;

    private TargetValidation() {
    }

    static void check(Target target) throws EventsException {
        if (target.id() == null || !TARGET_ID.matcher(target.id()).matches()) {
            throw EventsException.validation("1 validation error detected: Value '" + target.id() + "' at "
                    + "'targets.member.id' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\.\\-_A-Za-z0-9]+");
        }
        if (target.arn() == null || !ARN.matcher(target.arn()).matches()) {
            throw EventsException.validation("Parameter " + target.arn() + " is not valid. Reason: Provided Arn "
                    + "is not in correct format.");
        }
        int inputs = (target.input() != null ? 1 : 0) + (target.inputPath() != null ? 1 : 0)
                + (target.transformer() != null ? 1 : 0);
        if (inputs > 1) {
            throw EventsException.validation("Only one of Input, InputPath, or InputTransformer must be provided.");
        }
        if (target.input() != null && !JsonText.isValid(target.input().getBytes(StandardCharsets.UTF_8))) {
            throw EventsException.validation("Input is not a valid JSON text.");
        }
        if (target.inputPath() != null && !JsonPaths.isValid(target.inputPath())) {
            throw EventsException.validation("InputPath " + target.inputPath() + " is not a valid JSON path.");
        }
        if (target.transformer() != null) {
            checkTransformer(target.transformer());
        }
        Target.RetryPolicy retry = target.retryPolicy();
        if (retry != null && (retry.maximumRetryAttempts() < 0 || retry.maximumRetryAttempts() > 185)) {
            throw EventsException.validation("1 validation error detected: Value '" + retry.maximumRetryAttempts()
                    + "' at 'targets.member.retryPolicy.maximumRetryAttempts' failed to satisfy constraint: Member "
                    + "must have value between 0 and 185");
        }
        if (retry != null && (retry.maximumEventAgeInSeconds() < 60 || retry.maximumEventAgeInSeconds() > 86_400)) {
            throw EventsException.validation("1 validation error detected: Value '"
                    + retry.maximumEventAgeInSeconds() + "' at 'targets.member.retryPolicy.maximumEventAgeInSeconds'"
                    + " failed to satisfy constraint: Member must have value between 60 and 86400");
        }
        if (target.deadLetterArn() != null && !SQS_ARN.matcher(target.deadLetterArn()).matches()) {
            throw EventsException.validation("Parameter DeadLetterConfig.Arn " + target.deadLetterArn()
                    + " is not valid. Reason: The dead-letter queue must be an SQS queue ARN.");
        }
    }

    private static void checkTransformer(Target.InputTransformer transformer) throws EventsException {
        if (transformer.inputTemplate() == null || transformer.inputTemplate().isEmpty()) {
            throw EventsException.validation("InputTemplate is required in an InputTransformer.");
        }
        if (transformer.inputPathsMap().size() > MAX_VARIABLES) {
            throw EventsException.validation("InputPathsMap has more than " + MAX_VARIABLES + " variables.");
        }
        for (var entry : transformer.inputPathsMap().entrySet()) {
            if (entry.getKey().startsWith("aws.events.")) {
                throw EventsException.validation("InputTransformer variable " + entry.getKey()
                        + " is reserved for a predefined variable.");
            }
            if (!JsonPaths.isValid(entry.getValue())) {
                throw EventsException.validation("InputPathsMap value " + entry.getValue()
                        + " is not a valid JSON path.");
            }
        }
    }
}
