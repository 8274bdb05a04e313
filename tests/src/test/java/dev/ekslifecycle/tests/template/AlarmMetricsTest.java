package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every metric an alarm watches is one AWS publishes, under the dimensions AWS publishes it with, naming a resource of
 * this stack of the kind that emits it. Neither cfn-lint nor CloudFormation checks this: an alarm on a misspelt metric
 * or dimension deploys fine and never fires.
 */
class AlarmMetricsTest {

    /** Whether a metric's dimension values name the resource {@code id} with {@code properties}. */
    private interface Names {
        boolean names(List<Object> values, String id, Map<String, Object> properties);
    }

    /** A metric family as AWS documents it: namespace, metrics alarmed on, dimensions, and the resource they name. */
    private record Family(String namespace, Set<String> metrics, List<String> dimensions, String resourceType,
                          Names names) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("AWS/States", Set.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted",
                    "ExecutionThrottled"), List.of("StateMachineArn"), "AWS::Serverless::StateMachine",
                    (values, id, properties) -> values.equals(List.of(Map.of("Ref", id)))),
            new Family("AWS/Lambda", Set.of("Errors", "Throttles", "Invocations", "Duration",
                    "ConcurrentExecutions"), List.of("FunctionName"), "AWS::Serverless::Function",
                    (values, id, properties) -> values.equals(List.of(Map.of("Ref", id)))),
            new Family("AWS/SQS", Set.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                    "NumberOfMessagesSent"), List.of("QueueName"), "AWS::SQS::Queue",
                    (values, id, properties) -> values.equals(List.of(Map.of("Fn::GetAtt", List.of(id, "QueueName"))))),
            // A REST API's metrics carry its name and stage, not its id: the alarm must repeat both as the API sets them.
            new Family("AWS/ApiGateway", Set.of("5XXError", "4XXError", "Latency", "Count"),
                    List.of("ApiName", "Stage"), "AWS::Serverless::Api",
                    (values, id, properties) -> properties.get("Name") != null
                            && values.equals(List.of(properties.get("Name"), properties.get("StageName")))));

    @Test
    @SuppressWarnings("unchecked")
    void everyAlarmWatchesAMetricAwsPublishesForOneOfOurResources() throws IOException {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(
                RepositoryFiles.resolve("template.yaml")).get("Resources");
        List<String> checked = new ArrayList<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                for (Map<String, Object> metric : watchedMetrics((Map<String, Object>) resource.get("Properties"))) {
                    check(name, metric, resources);
                    checked.add(name);
                }
            }
        });
        assertFalse(checked.isEmpty(), "the template has alarms");
    }

    /** The single metric of a plain alarm, or every MetricStat of a metric-math alarm. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> watchedMetrics(Map<String, Object> alarm) {
        if (alarm.containsKey("MetricName")) {
            return List.of(alarm);
        }
        return ((List<Map<String, Object>>) alarm.get("Metrics")).stream()
                .filter(m -> m.containsKey("MetricStat"))
                .map(m -> (Map<String, Object>) ((Map<String, Object>) m.get("MetricStat")).get("Metric"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static void check(String alarm, Map<String, Object> metric, Map<String, Object> resources) {
        String namespace = (String) metric.get("Namespace");
        Family family = FAMILIES.stream().filter(f -> f.namespace().equals(namespace)).findFirst()
                .orElseThrow(() -> new AssertionError(alarm + " watches namespace " + namespace
                        + ", which this test does not know yet: add its family"));
        assertTrue(family.metrics().contains((String) metric.get("MetricName")),
                alarm + ": " + namespace + " publishes no metric " + metric.get("MetricName"));
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) metric.get("Dimensions");
        assertEquals(family.dimensions(), dimensions.stream().map(d -> (String) d.get("Name")).toList(),
                alarm + ": the dimensions " + namespace + " publishes " + metric.get("MetricName") + " with");
        List<Object> values = dimensions.stream().map(d -> d.get("Value")).toList();
        long named = resources.entrySet().stream().filter(e -> {
            Map<String, Object> resource = (Map<String, Object>) e.getValue();
            return family.resourceType().equals(resource.get("Type")) && family.names().names(values, e.getKey(),
                    (Map<String, Object>) resource.getOrDefault("Properties", Map.of()));
        }).count();
        assertEquals(1, named, alarm + ": " + values + " must name one " + family.resourceType() + " of this stack");
    }
}
