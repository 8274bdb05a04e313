package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that template.yaml, statemachines/ and the handlers agree, so a mismatch fails the build instead of a
 * deployment: every substitution a definition uses is defined and every defined one is used; every definition file
 * is deployed; every QUARKUS_LAMBDA_HANDLER names a handler that exists; every alarm notifies the team.
 */
class TemplateConsistencyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern NAMED = Pattern.compile("@Named\\(\"([^\"]+)\"\\)");

    @Test
    void everyDefinitionSubstitutionIsDefinedAndUsed() throws IOException {
        Map<String, Map<String, Object>> machines = resourcesOfType("AWS::Serverless::StateMachine");
        assertFalse(machines.isEmpty(), "the template deploys state machines");
        for (Map.Entry<String, Map<String, Object>> machine : machines.entrySet()) {
            Map<String, Object> properties = properties(machine.getValue());
            String definition = Files.readString(RepositoryFiles.resolve((String) properties.get("DefinitionUri")));
            Set<String> used = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(definition);
            while (m.find()) {
                used.add(m.group(1));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> defined = (Map<String, Object>) properties.getOrDefault("DefinitionSubstitutions",
                    Map.of());
            assertEquals(used, new TreeSet<>(defined.keySet()), machine.getKey()
                    + ": substitutions used by the definition and defined in the template differ");
        }
    }

    @Test
    void everyStateMachineDefinitionIsDeployed() throws IOException {
        Set<String> deployed = resourcesOfType("AWS::Serverless::StateMachine").values().stream()
                .map(r -> Path.of((String) properties(r).get("DefinitionUri")).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(RepositoryFiles.resolve("statemachines"))) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(present, deployed);
        }
    }

    @Test
    void everyFunctionNamesAHandlerThatExists() throws IOException {
        Set<String> handlers = namedHandlers();
        Map<String, Map<String, Object>> functions = resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            String handler = environment(function.getValue()).get("QUARKUS_LAMBDA_HANDLER");
            assertTrue(handler != null && handlers.contains(handler), function.getKey()
                    + " names handler " + handler + "; handlers in functions/: " + handlers);
        }
    }

    @Test
    void everyHandlerIsDeployed() throws IOException {
        Set<String> deployed = resourcesOfType("AWS::Serverless::Function").values().stream()
                .map(f -> environment(f).get("QUARKUS_LAMBDA_HANDLER"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(namedHandlers(), deployed, "a handler that no Lambda runs is dead code");
    }

    @Test
    void everyAlarmNotifiesTheTopicsTheTeamChose() throws IOException {
        Object noValue = Map.of("Ref", "AWS::NoValue");
        List<Object> teamTopics = List.of(
                Map.of("Fn::If", List.of("HasAlarmTopic", Map.of("Ref", "AlarmTopicArn"), noValue)),
                Map.of("Fn::If", List.of("HasAlarmEmail", Map.of("Ref", "AlarmEmailTopic"), noValue)));
        Map<String, Map<String, Object>> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        alarms.forEach((name, alarm) -> assertEquals(teamTopics, properties(alarm).get("AlarmActions"),
                name + " must notify the AlarmTopicArn and AlarmEmail topics when they are set"));
    }

    private static Set<String> namedHandlers() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RepositoryFiles.resolve("functions/src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith("Handler.java")).toList()) {
                Matcher m = NAMED.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resourcesOfType(String type) throws IOException {
        Map<String, Object> template = CloudFormationYaml.read(RepositoryFiles.resolve("template.yaml"));
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        return resources.entrySet().stream()
                .filter(e -> type.equals(((Map<String, Object>) e.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Map<String, Object>) e.getValue()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> function) {
        Map<String, Object> env = (Map<String, Object>) properties(function).getOrDefault("Environment", Map.of());
        Map<String, Object> variables = (Map<String, Object>) env.getOrDefault("Variables", Map.of());
        return variables.entrySet().stream().filter(e -> e.getValue() instanceof String)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue()));
    }
}
