package dev.ekslifecycle.workflow.sdk;

import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import dev.ekslifecycle.workflow.WorkflowStarter;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/** {@link WorkflowStarter} over Step Functions StartExecution. */
public final class StepFunctionsStarter implements WorkflowStarter {

    private final SfnClient sfn;
    private final Map<Workflow, String> stateMachineArns;

    public StepFunctionsStarter(SfnClient sfn, Map<Workflow, String> stateMachineArns) {
        this.sfn = sfn;
        this.stateMachineArns = Map.copyOf(stateMachineArns);
    }

    @Override
    public String executionArn(Workflow workflow, String operationId) {
        // arn:aws:states:REGION:ACCOUNT:stateMachine:NAME -> arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION
        return arn(workflow).replace(":stateMachine:", ":execution:") + ":" + operationId;
    }

    @Override
    public String start(Workflow workflow, String operationId, String inputJson) {
        String arn = arn(workflow);
        try {
            return sfn.startExecution(r -> r.stateMachineArn(arn).name(operationId).input(inputJson)).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            // Same name, different input: only possible if two operations shared an id, which ids rule out.
            throw new IllegalStateException("execution " + operationId + " exists with another input", e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw new DependencyThrottledException("StartExecution throttled: " + e.getMessage(), e);
            }
            throw new DependencyUnavailableException("StartExecution failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new DependencyUnavailableException("StartExecution failed: " + e.getMessage(), e);
        }
    }

    private String arn(Workflow workflow) {
        String arn = stateMachineArns.get(workflow);
        if (arn == null) {
            throw new IllegalStateException("no state machine ARN configured for " + workflow);
        }
        return arn;
    }
}
