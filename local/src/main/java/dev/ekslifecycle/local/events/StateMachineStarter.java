package dev.ekslifecycle.local.events;

/**
 * Starts a Step Functions execution for an EventBridge rule target, the way EventBridge calls StartExecution with
 * the target's input. Provided by the Step Functions emulator and connected to {@link EventBridge} by the edge.
 */
@FunctionalInterface
public interface StateMachineStarter {

    /**
     * Starts an execution and returns its ARN.
     *
     * @throws RuntimeException when the execution cannot start (an unknown state machine, invalid input); its
     *                          message is recorded as the failed delivery
     */
    String startExecution(String stateMachineArn, String inputJson);

    /** The starter used until a Step Functions emulator is connected: every start fails and says why. */
    static StateMachineStarter none() {
        return (arn, input) -> {
            throw new IllegalStateException("no Step Functions emulator is connected to EventBridge");
        };
    }
}
