package dev.ekslifecycle.tests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The event-driven functions of the real template.yaml in the local cloud: the drift check on its schedule, and
 * the health-signal rule fed by the local EC2's own state-change events. Changes "behind our back" go through the
 * local EKS and EC2 APIs with the SDK; time passes on the virtual clock.
 */
class DriftAndHealthSignalsTest {

    private static LocalCloudFixture local;
    private static VirtualClock clock;

    @BeforeAll
    static void startWithAnActiveCluster() throws Exception {
        local = new LocalCloudFixture();
        clock = (VirtualClock) local.clock;
        List<String> subnets = local.privateSubnets();
        ObjectNode spec = LocalCloudFixture.JSON.createObjectNode();
        spec.put("name", "observed").put("version", "1.34").put("roleArn", "arn:aws:iam::000000000000:role/eks")
                .put("deletionProtection", false);
        subnets.forEach(spec.putArray("subnetIds")::add);
        spec.putArray("nodegroups").addObject().put("name", "general")
                .put("nodeRoleArn", "arn:aws:iam::000000000000:role/eks-node")
                .put("minSize", 1).put("maxSize", 5).put("desiredSize", 2);
        HttpResponse<String> accepted = local.api("POST", "/clusters", "application/json", spec.toString(), Map.of());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode op = local.awaitOperation(local.json(accepted).get("operationId").asText());
        assertEquals("SUCCEEDED", op.get("status").asText(), op.toString());
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void theScheduledDriftCheckReportsANodeGroupResizedBehindOurBack() throws Exception {
        local.eks.updateNodegroupConfig(b -> b.clusterName("observed").nodegroupName("general")
                .scalingConfig(s -> s.minSize(1).maxSize(5).desiredSize(3)));
        JsonNode drift = awaitEvent("Cluster Drift Detected", d -> d.path("clusterName").asText().equals("observed"));
        JsonNode change = drift.get("drifts").get(0);
        assertEquals("nodegroups[general].desiredSize", change.get("path").asText(), drift.toString());
        assertEquals("2", change.get("recorded").asText());
        assertEquals("3", change.get("observed").asText());
        clock.advance(Duration.ofMinutes(20));
        assertEquals(1, lifecycleEvents("Cluster Drift Detected").stream()
                .filter(d -> d.path("clusterName").asText().equals("observed")).count(),
                "the next run finds the recorded size: the change is reported once");
    }

    @Test
    void terminatingANodeOfAManagedClusterYieldsANodeHealthSignal() throws Exception {
        String node = local.ec2.describeInstances(b -> b.filters(
                        Filter.builder().name("tag:eks:cluster-name").values("observed").build(),
                        Filter.builder().name("instance-state-name").values("running").build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId)
                .findFirst().orElseThrow();
        local.ec2.terminateInstances(b -> b.instanceIds(node));
        JsonNode signal = awaitEvent("Node Health Signal", d -> d.path("instanceId").asText().equals(node)
                && d.path("signal").asText().equals("instance terminated"));
        assertEquals("observed", signal.get("clusterName").asText());
        assertEquals("general", signal.get("nodegroup").asText());
        assertEquals("aws.ec2", signal.get("eventSource").asText());
    }

    /**
     * Lets virtual time pass a minute at a time (the schedule's timers are background timers, which the clock does
     * not jump to by itself) until an eks-lifecycle event of the type that {@code wanted} accepts is on the bus;
     * checks it against its schema.
     */
    private static JsonNode awaitEvent(String detailType, Predicate<JsonNode> wanted) throws Exception {
        for (int minute = 0; minute < 60; minute++) {
            for (JsonNode detail : lifecycleEvents(detailType)) {
                if (wanted.test(detail)) {
                    assertMatchesSchema(detailType, detail);
                    return detail;
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        throw new AssertionError("no matching " + detailType + " within an hour of virtual time: "
                + lifecycleEvents(detailType));
    }

    /** The details of the eks-lifecycle events of one type that reached the bus. */
    private static List<JsonNode> lifecycleEvents(String detailType) throws Exception {
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode item : local.json(local.control("GET", "/_local/events?source=eks-lifecycle", null))
                .get("events")) {
            if (item.get("event").get("detail-type").asText().equals(detailType)) {
                details.add(item.get("event").get("detail"));
            }
        }
        return details;
    }

    private static void assertMatchesSchema(String detailType, JsonNode detail) throws Exception {
        String file = "events/schemas/" + detailType.toLowerCase().replace(' ', '-') + ".json";
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(RepositoryFiles.resolve(file))).validate(detail);
        assertTrue(errors.isEmpty(), detailType + " does not match " + file + ": " + errors + " in " + detail);
    }
}
