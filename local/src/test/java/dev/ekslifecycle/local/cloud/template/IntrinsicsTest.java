package dev.ekslifecycle.local.cloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicsTest {

    private static final String HEADER = """
            Parameters:
              Env:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              Zones:
                Type: CommaDelimitedList
                Default: "a, b,c"
              Size:
                Type: Number
                Default: 3
              Every:
                Type: String
                Default: rate(15 minutes)
                AllowedPattern: "^rate\\\\((1 (minute|hour|day)|[1-9][0-9]* (minutes|hours|days))\\\\)$"
            Mappings:
              Sizes:
                dev: {Memory: 512}
                prod: {Memory: 2048}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [!Condition IsProd]
              Both: !And [!Condition IsDev, !Equals [!Ref Size, "3"]]
              Either: !Or [!Condition IsProd, !Equals [a, b]]
            """;

    /** A Ref to a table is its name, its Arn attribute the ARN; nothing else exists. */
    private static final ResourceAttributes TABLES = new ResourceAttributes() {
        @Override
        public Object ref(String id, String location) {
            if (!id.equals("Table")) {
                throw new TemplateException(location, "no resource " + id);
            }
            return "stack-Table";
        }

        @Override
        public Object getAtt(String id, String attribute, String location) {
            if (!id.equals("Table") || !attribute.equals("Arn")) {
                throw new TemplateException(location, "no attribute " + id + "." + attribute);
            }
            return "arn:aws:dynamodb:us-east-1:000000000000:table/stack-Table";
        }
    };

    private static Object resolve(String value) {
        return resolve(value, Map.of());
    }

    private static Object resolve(String value, Map<String, String> overrides) {
        Template t = Template.parse(HEADER + "Resources:\n  R:\n    Type: X\n    Properties:\n      V: " + value);
        Intrinsics intrinsics = new Intrinsics(t, overrides, StackIdentity.local("stack"), TABLES);
        return intrinsics.properties(t.resource("R").orElseThrow()).get("V");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!Ref Env|dev",
        "!Ref Table|stack-Table",
        "!GetAtt Table.Arn|arn:aws:dynamodb:us-east-1:000000000000:table/stack-Table",
        "!Sub '${AWS::StackName}-${Env}-${Table}'|stack-dev-stack-Table",
        "!Sub 'arn:${AWS::Partition}:x:${AWS::Region}:${AWS::AccountId}:${Table.Arn}'|arn:aws:x:us-east-1:000000000000:arn:aws:dynamodb:us-east-1:000000000000:table/stack-Table",
        "!Sub ['${A}/${!Literal}', {A: !Ref Env}]|dev/${Literal}",
        "!Sub '${AWS::URLSuffix}'|amazonaws.com",
        "!Join ['-', [x, !Ref Env, !Select [1, !Ref Zones]]]|x-dev-b",
        "!Select [2, !GetAZs '']|us-east-1c",
        "!Select ['0', !Split ['/', 'a/b/c']]|a",
        "!Join ['', !Split [',', 'a,b,,c']]|abc",
        "!If [IsProd, big, small]|small",
        "!If [IsDev, !FindInMap [Sizes, !Ref Env, Memory], 0]|512",
        "!If [Both, yes-both, no]|yes-both",
        "!If [Either, yes, no-either]|no-either",
        "!Base64 hi|aGk=",
    })
    void resolvesIntrinsics(String expression, String expected) {
        assertEquals(expected, String.valueOf(resolve(expression)));
    }

    @Test
    void overridesReplaceDefaultsAndFlowIntoConditions() {
        assertEquals("big", resolve("!If [IsProd, big, small]", Map.of("Env", "prod")));
        assertEquals(List.of("x", "y"), resolve("!Ref Zones", Map.of("Zones", "x,y")));
    }

    @Test
    void noValueRemovesThePropertyOrListElement() {
        assertEquals(List.of("a"), resolve("[a, !Ref AWS::NoValue]"));
        Template t = Template.parse("Resources: {R: {Type: X, Properties: {A: !Ref AWS::NoValue, B: 1}}}");
        Intrinsics i = new Intrinsics(t, Map.of(), StackIdentity.local("s"), TABLES);
        assertEquals(Map.of("B", 1), i.properties(t.resource("R").orElseThrow()));
    }

    @Test
    void resourceConditionsDecideWhatIsDeployed() {
        Template t = Template.parse(HEADER + """
                Resources:
                  OnlyInProd: {Type: X, Condition: IsProd}
                  Always: {Type: X}
                """);
        Intrinsics i = new Intrinsics(t, Map.of(), StackIdentity.local("s"), TABLES);
        assertFalse(i.deploys(t.resource("OnlyInProd").orElseThrow()));
        assertTrue(i.deploys(t.resource("Always").orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!ImportValue other|Resources.R.Properties.V.Fn::ImportValue|not supported locally",
        "{Fn::Cidr: [a, 1, 2]}|Resources.R.Properties.V.Fn::Cidr|not supported locally",
        "!Ref Nope|Resources.R.Properties.V.Ref|no resource Nope",
        "!GetAtt Table.StreamArn|Resources.R.Properties.V.Fn::GetAtt|no attribute Table.StreamArn",
        "!Sub '${Table.Nope}'|Resources.R.Properties.V.Fn::Sub|no attribute Table.Nope",
        "!Select [5, [a]]|Resources.R.Properties.V.Fn::Select|outside a list of 1",
        "!If [Missing, a, b]|Resources.R.Properties.V.Fn::If|no condition named Missing",
        "!Ref AWS::NotAThing|Resources.R.Properties.V.Ref|not supported locally",
        "!Join [',', !Ref Env]|Resources.R.Properties.V.Fn::Join|expected a list",
    })
    void unsupportedOrWrongConstructsNameTheResourceAndProperty(String expression, String location, String why) {
        TemplateException e = assertThrows(TemplateException.class, () -> resolve(expression));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Env|test|Parameters.Env|AllowedValues",
        "Size|many|Parameters.Size|not a Number",
        "Every|rate(5 minute)|Parameters.Every|AllowedPattern",
        "Other|x|Parameters.Other|no such parameter",
    })
    void badParameterValuesAreRejected(String name, String value, String location, String why) {
        TemplateException e = assertThrows(TemplateException.class, () -> resolve("x", Map.of(name, value)));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aParameterWithoutDefaultNeedsAValue() {
        Template t = Template.parse("Parameters: {P: {Type: String}}\nResources: {R: {Type: X}}");
        TemplateException e = assertThrows(TemplateException.class,
                () -> new Intrinsics(t, Map.of(), StackIdentity.local("s"), TABLES));
        assertEquals("Parameters.P", e.location());
    }

    @Test
    void aConditionReferringToItselfIsAnError() {
        Template t = Template.parse("Conditions: {C: !Not [!Condition C]}\nResources: {R: {Type: X, Condition: C}}");
        Intrinsics i = new Intrinsics(t, Map.of(), StackIdentity.local("s"), TABLES);
        TemplateException e = assertThrows(TemplateException.class, () -> i.deploys(t.resource("R").orElseThrow()));
        assertEquals("Conditions.C", e.location());
    }
}
