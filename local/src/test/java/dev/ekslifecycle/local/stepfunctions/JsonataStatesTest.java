package dev.ekslifecycle.local.stepfunctions;

import static dev.ekslifecycle.local.stepfunctions.Workflows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonataStatesTest {

    private final Workflows wf = new Workflows();

    @AfterEach
    void close() {
        wf.close();
    }

    @Test
    void outputAssignAndVariablesFlowBetweenStates() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Assign":{"total":"{% $sum($states.input.values) %}","name":"fixed"},"Next":"B"},
                  "B":{"Type":"Pass","Output":{"t":"{% $total * 2 %}","n":"{% $name %}",
                       "exec":"{% $states.context.Execution.Name != '' %}"},"End":true}}}""",
                "{\"values\":[1,2,3]}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
        assertEquals(json("{\"t\":12,\"n\":\"fixed\",\"exec\":true}"), e.output());
    }

    @Test
    void assignmentsSeeTheValuesBeforeTheState() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Assign":{"x":1,"y":2},"Next":"B"},
                  "B":{"Type":"Pass","Assign":{"x":"{% $y %}","y":"{% $x %}"},"Next":"C"},
                  "C":{"Type":"Pass","Output":"{% [$x, $y] %}","End":true}}}""", "{}");
        assertEquals(json("[2,1]"), e.output());
    }

    @Test
    void choiceConditionsWaitExpressionsAndMapItems() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Condition":"{% $count($states.input.items) > 2 %}",
                        "Assign":{"many":true},"Next":"W"}],"Default":"W"},
                  "W":{"Type":"Wait","Seconds":"{% $states.input.delay %}","Next":"M"},
                  "M":{"Type":"Map","Items":"{% $states.input.items %}",
                       "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}","many":"{% $many %}"},
                       "ItemProcessor":{"StartAt":"Double","States":{
                          "Double":{"Type":"Pass","Output":"{% $states.input.v * 2 %}","End":true}}},
                       "Output":"{% $sum($states.result) %}","End":true}}}""",
                "{\"items\":[1,2,3],\"delay\":90}");
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
        assertEquals(json("12"), e.output());
        assertEquals(Duration.ofSeconds(90), Duration.between(Workflows.START, e.stopDate()));
    }

    @Test
    void mapIterationsReadOuterVariablesButTheirAssignmentsStayInside() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"factor":10},"Next":"M"},
                  "M":{"Type":"Map","Items":[1,2],"ItemProcessor":{"StartAt":"I","States":{
                     "I":{"Type":"Pass","Assign":{"inner":"{% $states.input * $factor %}"},
                          "Output":"{% $states.input * $factor %}","End":true}}},
                     "Next":"After"},
                  "After":{"Type":"Pass","Output":{"result":"{% $states.input %}","inner":"{% $exists($inner) %}"},
                     "End":true}}}""", "{}");
        assertEquals(json("{\"result\":[10,20],\"inner\":false}"), e.output());
    }

    @Test
    void catchOutputSeesTheErrorOutputAndFailUsesExpressions() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{
                  "P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail",
                        "Error":"{% 'Err.' & $states.input.kind %}","Cause":"bad"}}}],
                       "Catch":[{"ErrorEquals":["Err.X"],"Output":{"caught":"{% $states.errorOutput.Error %}"},
                                 "Next":"Done"}],"End":true},
                  "Done":{"Type":"Succeed"}}}""", "{\"kind\":\"X\"}");
        assertEquals(json("{\"caught\":\"Err.X\"}"), e.output());
    }

    @Test
    void aFailingExpressionIsAQueryEvaluationError() {
        Execution e = wf.run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Output":"{% $number('abc') + $undefinedFunction() %}","End":true}}}""", "{}");
        assertEquals(ExecutionStatus.FAILED, e.status());
        assertEquals("States.QueryEvaluationError", e.error());
    }
}
