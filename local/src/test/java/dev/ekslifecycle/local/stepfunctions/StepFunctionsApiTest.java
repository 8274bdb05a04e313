package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.stepfunctions.api.StepFunctionsEndpoint;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The API through the real AWS SDK v2 client over HTTP, on a virtual clock. */
class StepFunctionsApiTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final String WAIT_THEN_PASS = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"P"},
             "P":{"Type":"Pass","Parameters":{"got.$":"$.v"},"End":true}}}""";

    private VirtualClock clock;
    private HttpServerHost host;
    private SfnClient sfn;
    private FaultInjector faults;

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(Instant.parse("2026-03-01T00:00:00Z"));
        faults = new FaultInjector(1);
        StepFunctionsService service = StepFunctionsService.builder(clock).build();
        host = HttpServerHost.start("sfn-test", 0, clock).add(new StepFunctionsEndpoint(service, faults));
        sfn = SfnClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                // StartSyncExecution adds a "sync-" host prefix, which a local endpoint cannot have
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        true))
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        host.close();
        clock.shutdown();
    }

    private String create(String name, String definition, StateMachineType type) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE).type(type))
                .stateMachineArn();
    }

    @Test
    void runsAnExecutionAndReportsItLikeAws() throws Exception {
        String arn = create("waiter", WAIT_THEN_PASS, StateMachineType.STANDARD);
        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:waiter", arn);
        String exec = sfn.startExecution(r -> r.stateMachineArn(arn).name("e1").input("{\"v\":42}")).executionArn();
        clock.awaitQuiescence(Duration.ofSeconds(10));

        var described = sfn.describeExecution(r -> r.executionArn(exec));
        assertEquals(ExecutionStatus.SUCCEEDED, described.status());
        assertEquals("{\"got\":42}", described.output());
        assertEquals(Duration.ofHours(1), Duration.between(described.startDate(), described.stopDate()));

        GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(exec));
        List<HistoryEventType> types = history.events().stream().map(HistoryEvent::type).toList();
        assertEquals(List.of(HistoryEventType.EXECUTION_STARTED, HistoryEventType.WAIT_STATE_ENTERED,
                HistoryEventType.WAIT_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED), types);
        assertEquals("{\"v\":42}", history.events().get(0).executionStartedEventDetails().input());
        assertEquals("P", history.events().get(3).stateEnteredEventDetails().name());
        assertEquals("{\"got\":42}", history.events().get(5).executionSucceededEventDetails().output());
        assertEquals(1L, history.events().get(0).id());

        assertEquals(List.of("e1"), sfn.listExecutions(r -> r.stateMachineArn(arn)).executions().stream()
                .map(e -> e.name()).toList());
        var page = sfn.getExecutionHistory(r -> r.executionArn(exec).maxResults(4).reverseOrder(true));
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, page.events().get(0).type());
        assertEquals(2, sfn.getExecutionHistory(r -> r.executionArn(exec).nextToken(page.nextToken()))
                .events().size());
    }

    @Test
    void executionNamesAreIdempotentForTheSameInputWhileRunning() {
        String arn = create("idem", WAIT_THEN_PASS, StateMachineType.STANDARD);
        clock.setAutoAdvance(false);
        String first = sfn.startExecution(r -> r.stateMachineArn(arn).name("same").input("{\"v\":1}")).executionArn();
        String again = sfn.startExecution(r -> r.stateMachineArn(arn).name("same").input("{\"v\":1}")).executionArn();
        assertEquals(first, again);
        ExecutionAlreadyExistsException e = assertThrows(ExecutionAlreadyExistsException.class,
                () -> sfn.startExecution(r -> r.stateMachineArn(arn).name("same").input("{\"v\":2}")));
        assertEquals(400, e.statusCode());
    }

    @Test
    void stopExecutionAbortsARunningExecution() {
        String arn = create("stopper", WAIT_THEN_PASS, StateMachineType.STANDARD);
        clock.setAutoAdvance(false);
        String exec = sfn.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();
        sfn.stopExecution(r -> r.executionArn(exec).error("Operator").cause("enough"));
        var d = sfn.describeExecution(r -> r.executionArn(exec));
        assertEquals(ExecutionStatus.ABORTED, d.status());
        assertEquals("Operator", d.error());
        clock.advance(Duration.ofHours(2));
        assertEquals(ExecutionStatus.ABORTED, sfn.describeExecution(r -> r.executionArn(exec)).status());
    }

    @Test
    void expressStateMachinesRunSynchronouslyEvenThroughWaits() {
        String arn = create("express", WAIT_THEN_PASS, StateMachineType.EXPRESS);
        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"v\":\"x\"}"));
        assertEquals(SyncExecutionStatus.SUCCEEDED, r.status());
        assertEquals("{\"got\":\"x\"}", r.output());
        assertTrue(r.executionArn().contains(":express:express:"));
    }

    @Test
    void badRequestsGetAwsShapedErrors() {
        InvalidDefinitionException invalid = assertThrows(InvalidDefinitionException.class,
                () -> create("bad", "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"Next\":\"Y\"}}}",
                        StateMachineType.STANDARD));
        assertTrue(invalid.awsErrorDetails().errorMessage().contains("Missing 'Next' target: Y at /States/X/Next"));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(
                r -> r.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:none")));
        assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(
                r -> r.executionArn("arn:aws:states:us-east-1:000000000000:execution:none:x")));
        assertThrows(InvalidTokenException.class, () -> sfn.sendTaskSuccess(r -> r.taskToken("nope").output("{}")));
        SfnException badName = assertThrows(SfnException.class, () -> create("has space", WAIT_THEN_PASS,
                StateMachineType.STANDARD));
        assertEquals("InvalidName", badName.awsErrorDetails().errorCode());
        assertTrue(sfn.listStateMachines(r -> { }).stateMachines().isEmpty(), "nothing was created");
    }

    @Test
    void validateUpdateDescribeListAndDelete() {
        var result = sfn.validateStateMachineDefinition(r -> r.definition(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}"));
        assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, result.result());
        assertEquals("/States/A", result.diagnostics().get(0).location());

        String arn = create("life", WAIT_THEN_PASS, StateMachineType.STANDARD);
        String updated = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}";
        sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(updated));
        assertEquals(updated, sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition());
        assertEquals(1, sfn.listStateMachines(r -> { }).stateMachines().size());
        sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
        assertTrue(sfn.listStateMachines(r -> { }).stateMachines().isEmpty());
    }

    @Test
    void testStateReportsTheNextStateAndCaughtErrors() {
        var passed = sfn.testState(r -> r.roleArn(ROLE).input("{\"a\":1}").definition(
                "{\"Type\":\"Pass\",\"Parameters\":{\"b.$\":\"$.a\"},\"Next\":\"Later\"}"));
        assertEquals(TestExecutionStatus.SUCCEEDED, passed.status());
        assertEquals("{\"b\":1}", passed.output());
        assertEquals("Later", passed.nextState());
        var caught = sfn.testState(r -> r.roleArn(ROLE).input("{}").definition("""
                {"Type":"Parallel","Next":"Ok","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail",
                 "Error":"E1"}}}],"Catch":[{"ErrorEquals":["E1"],"Next":"Handler"}]}"""));
        assertEquals(TestExecutionStatus.CAUGHT_ERROR, caught.status());
        assertEquals("Handler", caught.nextState());
    }

    @Test
    void injectedFaultsReachTheClient() {
        faults.add(FaultRule.nextCalls("states", "ListStateMachines", "AccessDeniedException", 400, 1));
        SfnException e = assertThrows(SfnException.class, () -> sfn.listStateMachines(r -> { }));
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertTrue(sfn.listStateMachines(r -> { }).stateMachines().isEmpty());
    }

    @Test
    void malformedBodiesAreSerializationErrors() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(host.url()))
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("SerializationException", Json.parse(response.body()).get("__type").asText());
    }
}
