package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.stepfunctions.language.DefinitionReader;
import dev.ekslifecycle.local.stepfunctions.language.InvalidDefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Definitions AWS refuses, and the state and problem the message must name. */
class DefinitionValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}"
                + "|Missing 'Next' target: Nowhere at /States/A/Next",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}|State \"A\" has neither 'Next' nor 'End: true'",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true},\"B\":{\"Type\":\"Succeed\"}}}"
                + "|State \"B\" is not reachable",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"Bogus\":1}}}"
                + "|Field 'Bogus' is not supported by state type Pass at /States/A/Bogus",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.a[\",\"End\":true}}}"
                + "|at /States/A/InputPath",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"ResultPath\":\"$.a[*]\",\"End\":true}}}"
                + "|ResultPath must be a reference path at /States/A/ResultPath",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.Nope()\"},"
                + "\"End\":true}}}|unknown intrinsic function 'States.Nope'",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"End\":true,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\",\"X\"]}]}}}"
                + "|States.ALL must appear alone and in the last retrier at /States/A/Retry/0/ErrorEquals",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\","
                + "\"StringEquals\":1,\"Next\":\"A\"}]}}}|The value of StringEquals has the wrong type",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":1,\"Timestamp\":\"x\",\"End\":true}}}"
                + "|A Wait state needs exactly one of",
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$\","
                + "\"End\":true}}}|The field 'InputPath' is not supported for JSONata",
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Output\":"
                + "\"{% $states.input. %}\",\"End\":true}}}|at /States/A/Output",
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"X\","
                + "\"States\":{\"X\":{\"Type\":\"Pass\",\"Next\":\"P\"}}}]}}}"
                + "|Missing 'Next' target: P at /States/P/Branches/0/States/X/Next",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Magic\",\"End\":true}}}|The value for the field 'Type'",
        "not json|INVALID_JSON_DESCRIPTION",
    })
    void refusesWithAMessageNamingTheStateAndProblem(String definition, String expectedFragment) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> DefinitionReader.read(definition));
        assertTrue(e.getMessage().startsWith("Invalid State Machine Definition: '"), e.getMessage());
        assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    }

    @Test
    void acceptsEveryStateTypeInBothLanguages() {
        assertDoesNotThrow(() -> DefinitionReader.read(Workflows.resource("all-states-jsonpath.asl.json")));
        assertDoesNotThrow(() -> DefinitionReader.read(Workflows.resource("all-states-jsonata.asl.json")));
    }
}
