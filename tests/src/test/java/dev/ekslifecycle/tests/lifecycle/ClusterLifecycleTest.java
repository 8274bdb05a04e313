package dev.ekslifecycle.tests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Create and delete through the public REST API of the local cloud started from the real template.yaml: the real
 * functions, the real state machines in our executor, the EKS and compute emulators, under the virtual clock.
 */
class ClusterLifecycleTest {

    private static LocalCloudFixture local;
    private static List<String> subnets;

    @BeforeAll
    static void start() throws Exception {
        local = new LocalCloudFixture();
        subnets = local.privateSubnets();
        assertTrue(subnets.size() >= 2, "the default VPC has private subnets in several zones: " + subnets);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static ObjectNode spec(String name) {
        ObjectNode spec = LocalCloudFixture.JSON.createObjectNode();
        spec.put("name", name).put("version", "1.34").put("roleArn", "arn:aws:iam::000000000000:role/eks-cluster");
        ArrayNode ids = spec.putArray("subnetIds");
        subnets.forEach(ids::add);
        spec.putObject("tags").put("team", "payments");
        return spec;
    }

    private static ObjectNode fullSpec(String name) {
        ObjectNode spec = spec(name);
        ArrayNode groups = spec.putArray("nodegroups");
        for (String ng : List.of("general", "batch")) {
            groups.addObject().put("name", ng).put("nodeRoleArn", "arn:aws:iam::000000000000:role/eks-node")
                    .put("minSize", 1).put("maxSize", 4).put("desiredSize", 2)
                    .putArray("instanceTypes").add("m6i.large");
        }
        ObjectNode profile = spec.putArray("fargateProfiles").addObject().put("name", "jobs")
                .put("podExecutionRoleArn", "arn:aws:iam::000000000000:role/eks-fargate");
        profile.putArray("subnetIds").add(subnets.get(0));
        profile.putArray("selectors").addObject().put("namespace", "jobs");
        ArrayNode addons = spec.putArray("addons");
        addons.addObject().put("name", "vpc-cni");
        addons.addObject().put("name", "coredns");
        spec.putArray("accessEntries").addObject().put("principalArn", "arn:aws:iam::000000000000:role/admins")
                .put("policy", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        return spec;
    }

    private static HttpResponse<String> create(JsonNode spec, Map<String, String> headers) throws Exception {
        return local.api("POST", "/clusters", "application/json", spec.toString(), headers);
    }

    @Test
    void createsAClusterWithNodeGroupsFargateAndAddonsThenDeletesItWhenProtectionIsLifted() throws Exception {
        HttpResponse<String> accepted = create(fullSpec("payments"), Map.of());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode body = local.json(accepted);
        String operationId = body.get("operationId").asText();
        assertEquals("/operations/" + operationId, accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("CREATE_CLUSTER", body.get("type").asText());

        JsonNode op = local.awaitOperation(operationId);
        assertEquals("SUCCEEDED", op.get("status").asText(), op.toString());
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("step").asText()));
        assertEquals("AcquireLock", steps.get(0));
        assertTrue(steps.containsAll(List.of("CreateCluster", "CreateNodegroup", "CreateFargateProfile",
                "EnsureAddons", "EnsureAccessEntries", "RecordActive")), steps.toString());

        Cluster cluster = local.eks.describeCluster(b -> b.name("payments")).cluster();
        assertEquals("ACTIVE", cluster.statusAsString());
        assertEquals("eks-lifecycle", cluster.tags().get("eks-lifecycle.dev/managed-by"));
        assertEquals("payments", cluster.tags().get("team"));
        assertTrue(cluster.deletionProtection(), "deletion protection is on by default");
        assertEquals("STANDARD", cluster.upgradePolicy().supportTypeAsString());
        assertEquals(Set.of("general", "batch"),
                Set.copyOf(local.eks.listNodegroups(b -> b.clusterName("payments")).nodegroups()));
        assertEquals("ACTIVE", local.eks.describeNodegroup(b -> b.clusterName("payments").nodegroupName("batch"))
                .nodegroup().statusAsString());
        assertEquals("ACTIVE", local.eks.describeFargateProfile(b -> b.clusterName("payments")
                .fargateProfileName("jobs")).fargateProfile().statusAsString());
        assertEquals(Set.of("vpc-cni", "coredns"),
                Set.copyOf(local.eks.listAddons(b -> b.clusterName("payments")).addons()));
        assertTrue(local.eks.listAccessEntries(b -> b.clusterName("payments")).accessEntries()
                .contains("arn:aws:iam::000000000000:role/admins"));

        JsonNode shown = local.json(local.api("GET", "/clusters/payments"));
        assertEquals("ACTIVE", shown.get("observed").get("status").asText(), shown.toString());
        assertEquals(2, shown.get("observed").get("nodegroups").size());
        assertTrue(shown.get("currentOperation").isNull(), "the lock was released");

        HttpResponse<String> refused = local.api("DELETE", "/clusters/payments");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("deletionProtection"), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> deleting = local.api("DELETE", "/clusters/payments?disableDeletionProtection=true");
        assertEquals(202, deleting.statusCode(), deleting.body());
        JsonNode deleted = local.awaitOperation(local.json(deleting).get("operationId").asText());
        assertEquals("SUCCEEDED", deleted.get("status").asText(), deleted.toString());
        List<String> deleteSteps = new ArrayList<>();
        deleted.get("steps").forEach(s -> deleteSteps.add(s.get("step").asText()));
        assertEquals(List.of("AcquireLock", "DisableDeletionProtection"), deleteSteps.subList(0, 2),
                "lifting EKS's deletion protection is the first audited step");
        try {
            local.eks.describeCluster(b -> b.name("payments"));
            throw new AssertionError("the cluster is still in EKS");
        } catch (ResourceNotFoundException expected) {
            // gone
        }
        assertEquals("DELETED", local.json(local.api("GET", "/clusters/payments")).get("observed").get("status")
                .asText());
        JsonNode history = local.json(local.api("GET", "/clusters/payments/operations"));
        assertEquals(List.of("DELETE_CLUSTER", "CREATE_CLUSTER"),
                List.of(history.get("operations").get(0).get("type").asText(),
                        history.get("operations").get(1).get("type").asText()), "newest first");

        assertEmittedEventsMatchTheirSchemas("payments", List.of("Cluster Create Started", "Cluster Active",
                "Cluster Delete Started", "Cluster Deleted"));
    }

    @Test
    void createsAnAutoModeClusterWithoutNodeGroups() throws Exception {
        ObjectNode spec = spec("auto");
        spec.put("deletionProtection", false);
        spec.putObject("autoMode").put("enabled", true).put("nodeRoleArn", "arn:aws:iam::000000000000:role/auto")
                .putArray("nodePools").add("general-purpose").add("system");
        HttpResponse<String> accepted = create(spec, Map.of());
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode op = local.awaitOperation(local.json(accepted).get("operationId").asText());
        assertEquals("SUCCEEDED", op.get("status").asText(), op.toString());
        Cluster cluster = local.eks.describeCluster(b -> b.name("auto")).cluster();
        assertTrue(cluster.computeConfig().enabled());
        assertTrue(cluster.storageConfig().blockStorage().enabled());
        assertTrue(cluster.kubernetesNetworkConfig().elasticLoadBalancing().enabled());
        assertEquals(List.of(), local.eks.listNodegroups(b -> b.clusterName("auto")).nodegroups());
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyStartsNothingNew() throws Exception {
        ObjectNode spec = spec("idem");
        Map<String, String> key = Map.of("Idempotency-Key", "create-idem-1");
        HttpResponse<String> first = create(spec, key);
        HttpResponse<String> again = create(spec, key);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(local.json(first).get("operationId"), local.json(again).get("operationId"));
        HttpResponse<String> other = create(spec("idem-other"), key);
        assertEquals(422, other.statusCode(), other.body());
        local.awaitOperation(local.json(first).get("operationId").asText());
        assertEquals(1, local.json(local.api("GET", "/clusters/idem/operations")).get("operations").size());
    }

    @Test
    void concurrentCreatesOfOneNameStartExactlyOneOperation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> create(spec("race"), Map.of())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                statuses.add(a.get().statusCode());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eksThrottlingIsRetriedAndTheCreateStillSucceeds() throws Exception {
        HttpResponse<String> fault = local.control("POST", "/_local/faults",
                "{\"service\":\"eks\",\"operation\":\"CreateCluster\",\"error\":\"ThrottlingException\","
                        + "\"status\":429,\"count\":3}");
        assertEquals(200, fault.statusCode(), fault.body());
        HttpResponse<String> accepted = create(spec("throttled"), Map.of());
        JsonNode op = local.awaitOperation(local.json(accepted).get("operationId").asText());
        assertEquals("SUCCEEDED", op.get("status").asText(), op.toString());
    }

    @Test
    void aFailingNodeGroupFailsTheOperationWithItsCauseAndReleasesTheLock() throws Exception {
        HttpResponse<String> fault = local.control("POST", "/_local/faults",
                "{\"service\":\"eks\",\"operation\":\"CreateNodegroup\",\"resource\":\"broken\","
                        + "\"error\":\"ResourceLimitExceededException\",\"status\":400,"
                        + "\"message\":\"node group limit reached\",\"count\":1}");
        assertEquals(200, fault.statusCode(), fault.body());
        HttpResponse<String> accepted = create(fullSpec("broken"), Map.of());
        JsonNode op = local.awaitOperation(local.json(accepted).get("operationId").asText());
        assertEquals("FAILED", op.get("status").asText(), op.toString());
        String error = op.get("error").get("message").asText();
        assertTrue(error.contains("EksRequestRejectedException") && error.contains("node group limit reached"), error);
        // A parallel node-group iteration already in flight may still log its step after the failure was recorded.
        List<String> failed = new ArrayList<>();
        op.get("steps").forEach(s -> {
            if (s.get("step").asText().equals("Failed")) {
                failed.add(s.get("detail").asText());
            }
        });
        assertEquals(1, failed.size(), op.toString());
        assertTrue(failed.get(0).contains("node group limit reached"), failed.toString());
        JsonNode cluster = local.json(local.api("GET", "/clusters/broken"));
        assertEquals("FAILED", cluster.get("observed").get("status").asText());
        assertTrue(cluster.get("currentOperation").isNull(), "the lock was released");
        assertEmittedEventsMatchTheirSchemas("broken", List.of("Cluster Create Started", "Cluster Create Failed"));

        HttpResponse<String> retried = create(fullSpec("broken"), Map.of());
        assertEquals(202, retried.statusCode(), "asking again retries a failed create: " + retried.body());
        JsonNode rerun = local.awaitOperation(local.json(retried).get("operationId").asText());
        assertEquals("SUCCEEDED", rerun.get("status").asText(), rerun.toString());
        List<String> rerunSteps = new ArrayList<>();
        rerun.get("steps").forEach(s -> rerunSteps.add(s.get("step").asText()));
        assertTrue(rerunSteps.contains("AdoptCluster"), "the control plane of the failed run is adopted: " + rerunSteps);
        assertEquals(Set.of("general", "batch"),
                Set.copyOf(local.eks.listNodegroups(b -> b.clusterName("broken")).nodegroups()));
    }

    @Test
    void badInputIsAProblemWithEveryViolationAndChangesNothing() throws Exception {
        ObjectNode bad = spec("Bad Name!");
        bad.put("version", "one.thirty").put("surprise", true);
        HttpResponse<String> invalid = create(bad, Map.of());
        assertEquals(400, invalid.statusCode());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());
        Set<String> paths = new java.util.TreeSet<>();
        local.json(invalid).get("violations").forEach(v -> paths.add(v.get("path").asText()));
        assertTrue(paths.containsAll(Set.of("name", "version", "surprise")), paths.toString());

        assertEquals(415, local.api("POST", "/clusters", "text/plain", "name: x", Map.of()).statusCode());
        // An object, so that it passes the stage's request model and reaches the function's size limit.
        assertEquals(413, local.api("POST", "/clusters", "application/json",
                "{\"name\": \"big\", \"version\": \"1.34\", \"roleArn\": \"r\", \"tags\": {\"pad\": \""
                        + "x".repeat(300_000) + "\"}}", Map.of()).statusCode());
        // the stage's request model refuses a body that is not an object: its gateway response is a problem too
        HttpResponse<String> notAnObject = local.api("POST", "/clusters", "application/json", "[]", Map.of());
        assertEquals(400, notAnObject.statusCode());
        assertEquals("application/problem+json", notAnObject.headers().firstValue("Content-Type").orElseThrow());
        JsonNode refusedByStage = local.json(notAnObject);
        assertEquals("https://eks-lifecycle.dev/problems/invalid-request", refusedByStage.get("type").asText());
        assertEquals(400, refusedByStage.get("status").asInt());
        assertEquals("Invalid request body", refusedByStage.get("detail").asText());
        assertEquals(notAnObject.headers().firstValue("x-amzn-RequestId").orElseThrow(),
                refusedByStage.get("requestId").asText());
        assertEquals(400, local.api("POST", "/clusters", "application/json", "{not json", Map.of()).statusCode());
        HttpResponse<String> noRoute = local.api("GET", "/nowhere");
        assertEquals(403, noRoute.statusCode(), "API Gateway's answer to a path it has no resource for");
        assertEquals("Missing Authentication Token", local.json(noRoute).get("detail").asText());
        assertEquals(404, local.api("GET", "/clusters/nobody").statusCode());
        assertEquals(404, local.api("GET", "/operations/nothing").statusCode());
        assertEquals(404, local.api("DELETE", "/clusters/nobody").statusCode());
        assertEquals(400, local.api("GET", "/clusters?limit=0").statusCode());
        assertEquals(400, local.api("GET", "/clusters?nextToken=forged").statusCode());
        assertEquals(404, local.api("GET", "/clusters/Bad Name!".replace(" ", "%20")).statusCode());
    }

    @Test
    void acceptsAnEksctlClusterConfigAndRefusesWhatItCannotHonour() throws Exception {
        String yaml = """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: from-eksctl, region: us-east-1, version: "1.34"}
                iam: {serviceRoleARN: "arn:aws:iam::000000000000:role/eks-cluster"}
                vpc:
                  subnets:
                    private:
                      us-east-1a: {id: %s}
                      us-east-1b: {id: %s}
                """.formatted(subnets.get(0), subnets.get(1));
        HttpResponse<String> accepted = local.api("POST", "/clusters", "application/yaml", yaml, Map.of());
        assertEquals(202, accepted.statusCode(), accepted.body());
        HttpResponse<String> refused = local.api("POST", "/clusters", "application/yaml",
                yaml.replace("from-eksctl", "other") + "karpenter: {version: 1.0.0}\n", Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("\"karpenter\""), refused.body());
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutes() throws Exception {
        JsonNode doc = local.json(local.api("GET", "/openapi.json"));
        Set<String> documented = new java.util.TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertEquals(Set.of("POST /clusters", "GET /clusters", "GET /clusters/{name}", "DELETE /clusters/{name}",
                "GET /clusters/{name}/operations", "GET /operations/{id}", "GET /openapi.json"), documented);
        assertEquals("3.0.3", doc.get("openapi").asText());
    }

    private static void assertEmittedEventsMatchTheirSchemas(String cluster, List<String> expectedTypes)
            throws Exception {
        JsonNode listed = local.json(local.control("GET", "/_local/events?source=eks-lifecycle", null));
        List<String> types = new ArrayList<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (JsonNode item : listed.get("events")) {
            JsonNode event = item.get("event");
            JsonNode detail = event.get("detail");
            if (!cluster.equals(detail.path("clusterName").asText())) {
                continue;
            }
            String type = event.get("detail-type").asText();
            types.add(type);
            String file = type.toLowerCase().replace(' ', '-') + ".json";
            JsonSchema schema = factory.getSchema(Files.readString(RepositoryFiles.resolve("events/schemas/" + file)));
            Set<ValidationMessage> errors = schema.validate(detail);
            assertTrue(errors.isEmpty(), type + " does not match its schema: " + errors + " in " + detail);
            assertEquals("eks-lifecycle", event.get("source").asText());
        }
        assertEquals(expectedTypes, types);
        assertFalse(types.isEmpty());
    }
}
