package dev.ekslifecycle.local.cloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    @Test
    void shortFormTagsBecomeTheLongForm() {
        Template t = Template.parse("""
                Resources:
                  A:
                    Type: AWS::SQS::Queue
                    Properties:
                      R: !Ref X
                      G: !GetAtt Table.StreamArn
                      GL: !GetAtt [Table, Arn]
                      S: !Sub "${AWS::Region}-x"
                      J: !Join [",", [a, !Ref B]]
                      I: !If [Cond, !Select [0, !GetAZs ""], !Ref AWS::NoValue]
                """);
        Map<String, Object> p = t.resource("A").orElseThrow().properties();
        assertEquals(Map.of("Ref", "X"), p.get("R"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")), p.get("G"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Table", "Arn")), p.get("GL"));
        assertEquals(Map.of("Fn::Sub", "${AWS::Region}-x"), p.get("S"));
        assertEquals(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "B")))), p.get("J"));
        assertEquals(Map.of("Fn::If", List.of("Cond", Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))),
                Map.of("Ref", "AWS::NoValue"))), p.get("I"));
    }

    @Test
    void globalsMergeEnvironmentVariablesAndLetTheFunctionOverrideScalars() {
        Template t = Template.parse("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 30
                    Layers: [a]
                    Environment:
                      Variables:
                        STATE_TABLE: !Ref StateTable
                        LOG_LEVEL: info
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 60
                      Layers: [b]
                      Environment:
                        Variables:
                          LOG_LEVEL: debug
                          QUARKUS_LAMBDA_HANDLER: x
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: t
                """);
        Map<String, Object> f = t.resource("F").orElseThrow().properties();
        assertEquals(60, f.get("Timeout"));
        assertEquals(List.of("a", "b"), f.get("Layers"));
        assertEquals(Map.of("Variables", Map.of("STATE_TABLE", Map.of("Ref", "StateTable"), "LOG_LEVEL", "debug",
                "QUARKUS_LAMBDA_HANDLER", "x")), f.get("Environment"));
        assertEquals(Map.of("TableName", "t"), t.resource("T").orElseThrow().properties(),
                "function globals stay on functions");
    }

    @Test
    void anIntrinsicInTheGlobalsIsReplacedWholeNotMergedIntoAMap() {
        assertEquals(Map.of("A", Map.of("x", 1)),
                SamGlobals.merge(Map.of("A", Map.of("Ref", "P")), Map.of("A", Map.of("x", 1))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Outputs2: {}|Outputs2",
        "Transform: AWS::LanguageExtensions|Transform",
        "Globals: {HttpApi: {}}|Globals.HttpApi",
        "Parameters: {P: {Type: 'AWS::SSM::Parameter::Value<String>'}}|Parameters.P.Type",
    })
    void unsupportedTopLevelConstructsNameWhereTheyAre(String yaml, String location) {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse(yaml + "\nResources: {A: {Type: X}}"));
        assertEquals(location, e.location());
    }

    @Test
    void anUnknownResourceKeyIsAnError() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("Resources: {A: {Type: X, CreationPolicy: {}}}"));
        assertEquals("Resources.A.CreationPolicy", e.location());
    }

    @Test
    void anUnknownTagIsAYamlError() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("Resources: {A: {Type: X, Properties: {P: !Nope x}}}"));
        assertTrue(e.getMessage().contains("!Nope"), e.getMessage());
    }
}
