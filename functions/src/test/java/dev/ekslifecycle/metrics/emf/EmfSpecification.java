package dev.ekslifecycle.metrics.emf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules of CloudWatch's Embedded Metric Format specification that a log line must follow for CloudWatch Logs to
 * extract its metrics: a JSON object and nothing else on the line, {@code _aws} with a millisecond Timestamp and
 * metric directives (namespace, dimension sets of at most 30 names, at most 100 metric definitions with a valid
 * unit), every referenced dimension a string member and every referenced metric a number (or array of at most 100
 * numbers) member of the root.
 */
final class EmfSpecification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private EmfSpecification() {
    }

    /** Parses one log line, checks it against the specification and returns it. */
    static JsonNode valid(String line) throws Exception {
        assertFalse(line.contains("\n"), "one line: " + line);
        JsonNode root = JSON.readTree(line);
        assertTrue(root.isObject(), "the line is a JSON object: " + line);
        assertEquals(line.strip(), JSON.writeValueAsString(root), "nothing before or after the object");

        JsonNode aws = root.path("_aws");
        assertTrue(aws.isObject(), "_aws metadata: " + line);
        assertTrue(Set.of("Timestamp", "CloudWatchMetrics", "LogGroupName").containsAll(names(aws)), line);
        assertTrue(aws.path("Timestamp").isIntegralNumber() && aws.path("Timestamp").asLong() > 0,
                "Timestamp in epoch milliseconds: " + line);
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertTrue(directives.isArray() && !directives.isEmpty(), "metric directives: " + line);
        for (JsonNode directive : directives) {
            assertEquals(Set.of("Namespace", "Dimensions", "Metrics"), names(directive), line);
            String namespace = directive.path("Namespace").asText();
            assertTrue(directive.path("Namespace").isTextual() && !namespace.isEmpty() && namespace.length() <= 255);
            for (JsonNode set : directive.path("Dimensions")) {
                assertTrue(set.isArray() && set.size() <= 30, "a dimension set: " + set);
                for (JsonNode dimension : set) {
                    JsonNode value = root.path(dimension.asText());
                    assertTrue(value.isTextual() && !value.asText().isEmpty() && value.asText().length() <= 1024,
                            "dimension " + dimension + " is a string member: " + line);
                }
            }
            JsonNode metrics = directive.path("Metrics");
            assertTrue(metrics.isArray() && !metrics.isEmpty() && metrics.size() <= 100, line);
            for (JsonNode metric : metrics) {
                assertTrue(Set.of("Name", "Unit", "StorageResolution").containsAll(names(metric)), line);
                assertTrue(UNITS.contains(metric.path("Unit").asText("None")), "unit of " + metric);
                JsonNode value = root.path(metric.path("Name").asText());
                assertTrue(value.isNumber() || value.isArray() && value.size() <= 100 && allNumbers(value),
                        "metric " + metric + " is a number member: " + line);
            }
        }
        return root;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
