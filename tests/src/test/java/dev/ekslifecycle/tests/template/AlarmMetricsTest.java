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
 * Every metric an alarm watches is one AWS publishes, under the dimension AWS publishes it with, pointing at a
 * resource of this stack of the kind that emits it. Neither cfn-lint nor CloudFormation checks this: an alarm on a
 * misspelt metric or dimension deploys fine and never fires.
 */
class AlarmMetricsTest {

    /** A metric family as AWS documents it: its namespace, the metrics alarmed on, and the dimension naming the resource. */
    private record Family(String namespace, Set<String> metrics, String dimension, String resourceType,
                          String reference) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("AWS/States", Set.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted",
                    "ExecutionThrottled"), "StateMachineArn", "AWS::Serverless::StateMachine", "Ref"),
            new Family("AWS/Lambda", Set.of("Errors", "Throttles", "Invocations", "Duration",
                    "ConcurrentExecutions"), "FunctionName", "AWS::Serverless::Function", "Ref"),
            new Family("AWS/SQS", Set.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                    "NumberOfMessagesSent"), "QueueName", "AWS::SQS::Queue", "Fn::GetAtt"));

    @Test
    @SuppressWarnings("unchecked")
    void everyAlarmWatchesAMetricAwsPublishesForOneOfOurResources() throws IOException {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(
                RepositoryFiles.resolve("template.yaml")).get("Resources");
        List<String> checked = new ArrayList<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> alarm = (Map<String, Object>) resource.get("Properties");
            for (Map<String, Object> metric : watchedMetrics(alarm)) {
                check(name, metric, resources);
                checked.add(name + ":" + metric.get("MetricName"));
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
        assertEquals(List.of(family.dimension()), dimensions.stream().map(d -> (String) d.get("Name")).toList(),
                alarm + ": " + namespace + " publishes " + metric.get("MetricName") + " per " + family.dimension());
        Map<String, Object> value = (Map<String, Object>) dimensions.get(0).get("Value");
        Object reference = value.get(family.reference());
        String target = reference instanceof List<?> getAtt ? (String) getAtt.get(0) : (String) reference;
        Map<String, Object> resource = (Map<String, Object>) resources.get(target);
        assertTrue(resource != null && family.resourceType().equals(resource.get("Type")),
                alarm + ": the " + family.dimension() + " must be " + family.reference() + " of a "
                        + family.resourceType() + " of this stack, not " + value);
        if (family.reference().equals("Fn::GetAtt")) {
            assertEquals(family.dimension(), ((List<?>) reference).get(1), alarm + ": the attribute to read");
        }
    }
}
