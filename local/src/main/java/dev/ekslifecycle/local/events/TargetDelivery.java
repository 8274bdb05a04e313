package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.lambda.Invocation;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Hands a target its input: a Lambda function from the {@link LambdaFunctions} registry, or a Step Functions state
 * machine through the {@link StateMachineStarter}. Other target types are not emulated and fail visibly.
 *
 * <p>A Lambda function that fails counts as a failed delivery here (on AWS the asynchronous invocation succeeds
 * and Lambda retries), so that a test sees the failure in the event log.
 */
final class TargetDelivery {

    private final LambdaFunctions functions;
    private final Clock clock;
    private volatile StateMachineStarter stateMachines = StateMachineStarter.none();

    TargetDelivery(LambdaFunctions functions, Clock clock) {
        this.functions = functions;
        this.clock = clock;
    }

    void connect(StateMachineStarter starter) {
        this.stateMachines = starter;
    }

    EventLog.Delivery deliver(Rule rule, Target target, String input) {
        try {
            String result = invoke(target.arn(), input);
            return new EventLog.Delivery(rule.arn(), target.id(), target.arn(), input, true, result, clock.instant());
        } catch (RuntimeException e) {
            return new EventLog.Delivery(rule.arn(), target.id(), target.arn(), input, false,
                    String.valueOf(e.getMessage()), clock.instant());
        }
    }

    private String invoke(String arn, String input) {
        if (arn.contains(":states:") && arn.contains(":stateMachine:")) {
            return stateMachines.startExecution(arn, input);
        }
        if (arn.contains(":lambda:")) {
            Optional<String> name = functions.resolve(arn);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Function not found: " + arn);
            }
            Invocation invocation = functions.invoke(name.get(), input.getBytes(StandardCharsets.UTF_8));
            if (invocation.failed()) {
                throw new IllegalStateException(invocation.functionError() + ": " + invocation.payloadText());
            }
            return invocation.payloadText();
        }
        throw new UnsupportedOperationException("target " + arn + " is not a Lambda function or a state machine; "
                + "the local EventBridge delivers to those only");
    }
}
