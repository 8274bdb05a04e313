package dev.ekslifecycle.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseTemplateTest {

    private static final Map<String, String> VALUES = Map.of("context.requestId", "r-1",
            "context.error.messageString", "\"Invalid \\\"x\\\"\"", "context.stage", "v1");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "shorthand at the end of an object|{\"id\":$context.requestId}|{\"id\":r-1}",
        "formal notation|${context.stage}-${context.requestId}|v1-r-1",
        "quiet notation|$!context.requestId|r-1",
        "a sentence's period is not part of the name|request $context.requestId.|request r-1.",
        "messageString is placed as it is, quotes and all|{\"detail\":$context.error.messageString}"
            + "|{\"detail\":\"Invalid \\\"x\\\"\"}",
        "a $ not followed by a name is text|costs $ 5 or $5|costs $ 5 or $5",
        "a # that is no directive is text|see https://x.test/#top|see https://x.test/#top",
    })
    void substitutesTheSupportedVariables(String why, String template, String expected) {
        assertEquals(expected, ResponseTemplate.parse(template).render(VALUES), why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "an input reference|{\"b\":$input.body}|$input.body",
        "a util call|$util.escapeJavaScript($context.requestId)|$util.escapeJavaScript",
        "a stage variable|${stageVariables.env}|${stageVariables.env}",
        "an unknown context variable|$context.authorizer.claims.sub|$context.authorizer.claims.sub",
        "a directive|#set($a = 1)$a|#set",
        "a comment|## note|##",
    })
    void refusesWhatIsMoreThanVariableSubstitution(String why, String template, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseTemplate.parse(template), why);
        assertTrue(e.getMessage().startsWith(named) || e.getMessage().contains(named + " is not supported"),
                e.getMessage());
    }
}
