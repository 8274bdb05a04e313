package dev.ekslifecycle.local.stepfunctions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.AwsErrorResponse;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsException;
import dev.ekslifecycle.local.stepfunctions.StepFunctionsService;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Step Functions API over awsJson1_0: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Operation>}
 * and a JSON body, as the AWS SDKs and CLI send it. Errors are answered with HTTP 400 and
 * {@code {"__type": code, "message": ...}}. Calls pass the shared fault injector's {@link FaultGate} first (service
 * {@code states}): its latency, then its error.
 */
public final class StepFunctionsEndpoint implements Endpoint {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final FaultGate faults;
    private final Map<String, Function<JsonNode, ObjectNode>> operations;

    public StepFunctionsEndpoint(StepFunctionsService service, FaultInjector faults) {
        this.faults = new FaultGate(faults, "states");
        this.operations = Map.ofEntries(
                Map.entry("CreateStateMachine", service::createStateMachine),
                Map.entry("DescribeStateMachine", service::describeStateMachine),
                Map.entry("DescribeStateMachineForExecution", service::describeStateMachineForExecution),
                Map.entry("ListStateMachines", service::listStateMachines),
                Map.entry("UpdateStateMachine", service::updateStateMachine),
                Map.entry("DeleteStateMachine", service::deleteStateMachine),
                Map.entry("ValidateStateMachineDefinition", service::validateStateMachineDefinition),
                Map.entry("StartExecution", service::startExecution),
                Map.entry("StartSyncExecution", service::startSyncExecution),
                Map.entry("DescribeExecution", service::describeExecution),
                Map.entry("ListExecutions", service::listExecutions),
                Map.entry("GetExecutionHistory", service::getExecutionHistory),
                Map.entry("StopExecution", service::stopExecution),
                Map.entry("SendTaskSuccess", service::sendTaskSuccess),
                Map.entry("SendTaskFailure", service::sendTaskFailure),
                Map.entry("SendTaskHeartbeat", service::sendTaskHeartbeat),
                Map.entry("TestState", service::testState));
    }

    @Override
    public String name() {
        return "states";
    }

    @Override
    public boolean accepts(Request request) {
        return request.awsJsonOperation(TARGET_PREFIX).isPresent();
    }

    @Override
    public Response handle(Request request) {
        String operation = request.awsJsonOperation(TARGET_PREFIX).orElseThrow();
        Function<JsonNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            return error(new StepFunctionsException("UnknownOperationException",
                    "Operation " + operation + " is not supported by the local Step Functions"));
        }
        JsonNode body;
        try {
            body = request.body().length == 0 ? Json.object() : Json.parse(request.bodyText());
        } catch (IllegalArgumentException e) {
            return error(new StepFunctionsException("SerializationException", "The request body is not JSON"));
        }
        if (!body.isObject()) {
            return error(new StepFunctionsException("SerializationException", "The request body must be an object"));
        }
        Optional<InjectedFault> fault = faults.check(operation, resourceOf(body));
        if (fault.isPresent()) {
            InjectedFault f = fault.get();
            return error(new StepFunctionsException(f.errorCode(), f.messageOrDefault(), f.httpStatus()));
        }
        try {
            return Response.of(200, CONTENT_TYPE, Json.write(handler.apply(body)));
        } catch (StepFunctionsException e) {
            return error(e);
        }
    }

    private static String resourceOf(JsonNode body) {
        for (String field : new String[] {"executionArn", "stateMachineArn", "name"}) {
            if (body.path(field).isTextual()) {
                return body.get(field).textValue();
            }
        }
        return "*";
    }

    private static Response error(StepFunctionsException e) {
        return AwsErrorResponse.json(e.httpStatus(), CONTENT_TYPE, e.errorCode(), e.getMessage());
    }
}
