package dev.ekslifecycle.local.stepfunctions;

import static dev.ekslifecycle.local.stepfunctions.Workflows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateTypesTest {

    private final Workflows wf = new Workflows();

    @AfterEach
    void close() {
        wf.close();
    }

    @Test
    void passStatesApplyResultPathParametersAndOutputPath() {
        Execution e = wf.run("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.fromA","Next":"B"},
                  "B":{"Type":"Pass","Parameters":{"copy.$":"$.fromA.x","fixed":"v","ctx.$":"$$.State.Name"},
                       "ResultPath":"$.b","Next":"C"},
                  "C":{"Type":"Pass","InputPath":"$.b","OutputPath":"$.copy","End":true}}}""", "{\"in\":true}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
        assertEquals(json("1"), e.output());
        assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered",
                "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                Workflows.eventTypes(e));
    }

    @Test
    void passWithNullPathsDiscardsAndEmpties() {
        Execution e = wf.run("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Result":"ignored","ResultPath":null,"Next":"B"},
                  "B":{"Type":"Pass","InputPath":null,"End":true}}}""", "{\"keep\":1}");
        assertEquals(json("{}"), e.output());
    }

    @Test
    void choiceFollowsTheFirstMatchingRuleElseDefault() {
        String definition = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[
                     {"And":[{"Variable":"$.n","IsNumeric":true},{"Variable":"$.n","NumericGreaterThan":10}],"Next":"Big"},
                     {"Not":{"Variable":"$.s","StringMatches":"log-*.txt"},"Next":"NotLog"},
                     {"Variable":"$.n","NumericLessThanPath":"$.limit","Next":"Small"}],
                   "Default":"Other"},
                  "Big":{"Type":"Pass","Result":"big","End":true},
                  "NotLog":{"Type":"Pass","Result":"notlog","End":true},
                  "Small":{"Type":"Pass","Result":"small","End":true},
                  "Other":{"Type":"Pass","Result":"other","End":true}}}""";
        assertEquals(json("\"big\""), wf.run(definition, "{\"n\":11,\"s\":\"x\",\"limit\":0}").output());
        assertEquals(json("\"notlog\""), wf.run(definition, "{\"n\":5,\"s\":\"x\",\"limit\":0}").output());
        assertEquals(json("\"small\""), wf.run(definition, "{\"n\":5,\"s\":\"log-1.txt\",\"limit\":9}").output());
        assertEquals(json("\"other\""), wf.run(definition, "{\"n\":5,\"s\":\"log-1.txt\",\"limit\":1}").output());
    }

    @Test
    void choiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() {
        Execution e = wf.run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.flag","BooleanEquals":true,"Next":"T"}]},
                  "T":{"Type":"Succeed"}}}""", "{\"flag\":false}");
        assertEquals(ExecutionStatus.FAILED, e.status());
        assertEquals("States.NoChoiceMatched", e.error());
    }

    @Test
    void waitStatesTakeVirtualTime() {
        Execution e = wf.run("""
                {"StartAt":"W1","States":{
                  "W1":{"Type":"Wait","Seconds":3600,"Next":"W2"},
                  "W2":{"Type":"Wait","SecondsPath":"$.more","Next":"W3"},
                  "W3":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
                "{\"more\":1800,\"until\":\"2026-01-02T00:00:00Z\"}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
        assertEquals(Duration.ofDays(1), Duration.between(Workflows.START, e.stopDate()));
    }

    @Test
    void failStateEndsTheExecutionWithItsErrorAndCause() {
        Execution e = wf.run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code","Cause":"broken"}}}""",
                "{\"code\":\"Custom.Error\"}");
        assertEquals(ExecutionStatus.FAILED, e.status());
        assertEquals("Custom.Error", e.error());
        assertEquals("broken", e.cause());
        assertNull(e.output());
    }

    @Test
    void parallelOutputsBranchResultsInOrderEvenWhenTheyFinishOutOfOrder() {
        Execution e = wf.run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":60,"Next":"R1"},
                                              "R1":{"Type":"Pass","Result":1,"End":true}}},
                  {"StartAt":"Fast","States":{"Fast":{"Type":"Pass","InputPath":"$.v","End":true}}}]}}}""",
                "{\"v\":2}");
        assertEquals(json("[1,2]"), e.output());
        assertEquals(Duration.ofSeconds(60), Duration.between(Workflows.START, e.stopDate()));
    }

    @Test
    void topLevelWaitsOfExecutionsRunningTogetherEachEndAtTheirOwnInstant() throws Exception {
        String arn = wf.create("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","Next":"Again"},
                  "Again":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""");
        // Started in one busy section, as by one caller: between two separate calls the clock may move on (the
        // first execution alone would jump to its own Wait's end), so both would not start at START.
        Execution[] started = wf.clock.whileBusy(() -> new Execution[] {
            wf.service.startExecution(arn, null, "{\"s\":10}"),
            wf.service.startExecution(arn, null, "{\"s\":3}")});
        Execution slow = started[0];
        Execution fast = started[1];
        wf.awaitQuiet();
        assertEquals(Duration.ofSeconds(20), Duration.between(Workflows.START, slow.stopDate()));
        assertEquals(Duration.ofSeconds(6), Duration.between(Workflows.START, fast.stopDate()));
    }

    @Test
    void mapRunsEachItemWithItemSelectorAndContext() {
        Execution e = wf.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,
                  "ItemSelector":{"value.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index","tag.$":"$.tag"},
                  "ItemProcessor":{"StartAt":"W","States":{
                     "W":{"Type":"Wait","SecondsPath":"$.value","Next":"Out"},
                     "Out":{"Type":"Pass","Parameters":{"r.$":"States.Format('{}-{}', $.tag, $.index)"},"End":true}}},
                  "ResultPath":"$.results","End":true}}}""", "{\"items\":[30,10,20],\"tag\":\"t\"}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
        assertEquals(json("[{\"r\":\"t-0\"},{\"r\":\"t-1\"},{\"r\":\"t-2\"}]"), e.output().get("results"));
        // two at a time: items 0 (30 s) and 1 (10 s) start together, item 2 (20 s) starts when item 1 ends
        assertEquals(Duration.ofSeconds(30), Duration.between(Workflows.START, e.stopDate()));
    }
}
