package dev.ekslifecycle.local.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.compute.ComputeHarness;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KubernetesApiTest {

    private final ComputeHarness h = new ComputeHarness();
    private final String apiUrl = h.kubernetes.open("prod", "1.31");
    private final KubernetesClient k8s = h.kubernetesClient(apiUrl);

    KubernetesApiTest() throws Exception {
    }

    @AfterEach
    void close() {
        k8s.close();
        h.close();
    }

    /** A three-node group of the cluster, Ready. */
    private String nodeGroup(int nodes) {
        List<String> subnets = h.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                .map(Ec2Subnet::subnetId).toList();
        String group = h.nodeGroups.create(new NodeGroupFleet.FleetSpec("prod", "workers", subnets,
                List.of("m5.large"), "ON_DEMAND", "AL2023_x86_64_STANDARD", "1.31", "1.31.4-20250123",
                Map.of("team", "platform"), List.of(), 1, 5, nodes), NodeGroupFleet.Outcome.ignored());
        h.clock.advance(Duration.ofMinutes(3));
        return group;
    }

    @Test
    void theApiServerAnswersWithItsVersionUnderAPathPrefix() {
        assertTrue(apiUrl.endsWith("/k8s/prod"));
        assertEquals("1", k8s.getKubernetesVersion().getMajor());
        assertTrue(k8s.getKubernetesVersion().getGitVersion().startsWith("v1.31."));
        h.kubernetes.setVersion("prod", "1.32");
        assertTrue(k8s.getKubernetesVersion().getGitVersion().startsWith("v1.32."));
    }

    @Test
    void eachRunningInstanceIsAReadyNodeWithEksLabelsAndProviderId() {
        String group = nodeGroup(3);
        List<Node> nodes = k8s.nodes().withLabel("eks.amazonaws.com/nodegroup", "workers").list().getItems();
        assertEquals(3, nodes.size());
        Node node = nodes.get(0);
        assertTrue(node.getSpec().getProviderID().matches("aws:///us-east-1[abc]/i-[0-9a-f]{17}"));
        Map<String, String> labels = node.getMetadata().getLabels();
        assertEquals("m5.large", labels.get("node.kubernetes.io/instance-type"));
        assertEquals("ON_DEMAND", labels.get("eks.amazonaws.com/capacityType"));
        assertEquals("platform", labels.get("team"));
        assertTrue(labels.get("topology.kubernetes.io/zone").startsWith("us-east-1"));
        assertTrue(node.getStatus().getNodeInfo().getKubeletVersion().startsWith("v1.31.4-eks-"));
        assertEquals("True", condition(node, "Ready"));
        assertEquals("True", condition(node, "NetworkingReady"));
        assertEquals("True", condition(node, "AcceleratedHardwareReady"));

        String instanceId = node.getSpec().getProviderID().substring(node.getSpec().getProviderID().lastIndexOf('/') + 1);
        NodeGroupFleet.Member member = h.nodeGroups.state(group).members().stream()
                .filter(m -> m.instanceId().equals(instanceId)).findFirst().orElseThrow();
        assertEquals(node.getMetadata().getName(), member.nodeName());
        assertTrue(member.nodeReady());
        assertEquals(0, k8s.nodes().withLabel("eks.amazonaws.com/nodegroup", "other").list().getItems().size());
        assertEquals(3, k8s.nodes().withLabelIn("topology.kubernetes.io/zone", "us-east-1a", "us-east-1b",
                "us-east-1c").list().getItems().size());
    }

    @Test
    void cordonByMergePatchAndStrategicMergePatchAndEdit() {
        nodeGroup(3);
        List<Node> nodes = k8s.nodes().list().getItems();
        String first = nodes.get(0).getMetadata().getName();
        k8s.nodes().withName(first).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}");
        assertTrue(k8s.nodes().withName(first).get().getSpec().getUnschedulable());

        String second = nodes.get(1).getMetadata().getName();
        k8s.nodes().withName(second).patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"unschedulable\":true},\"metadata\":{\"labels\":{\"drain\":\"yes\"}}}");
        Node patched = k8s.nodes().withName(second).get();
        assertTrue(patched.getSpec().getUnschedulable());
        assertEquals("yes", patched.getMetadata().getLabels().get("drain"));

        String third = nodes.get(2).getMetadata().getName();
        k8s.nodes().withName(third).edit(n -> {
            n.getSpec().setUnschedulable(true);
            n.getMetadata().getLabels().put("edited", "true");
            return n;
        });
        assertTrue(k8s.nodes().withName(third).get().getSpec().getUnschedulable());
        assertEquals(3, k8s.nodes().withField("spec.unschedulable", "true").list().getItems().size());
        assertEquals(1, k8s.nodes().withLabel("edited").list().getItems().size());
    }

    @Test
    void podsListByNodeAndNamespaceAndDaemonSetPodsRunEverywhere() {
        nodeGroup(3);
        h.clock.advance(Duration.ofSeconds(10));
        String node = k8s.nodes().list().getItems().get(0).getMetadata().getName();
        List<Pod> onNode = k8s.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems();
        assertTrue(onNode.stream().anyMatch(p -> p.getMetadata().getName().startsWith("aws-node-")));
        assertTrue(onNode.stream().allMatch(p -> p.getSpec().getNodeName().equals(node)));
        assertEquals(3, k8s.pods().inNamespace("kube-system").withLabel("k8s-app", "kube-proxy").list()
                .getItems().size());
        assertEquals(3, k8s.pods().inNamespace("default").list().getItems().size());
        assertTrue(k8s.pods().inAnyNamespace().list().getItems().stream()
                .allMatch(p -> p.getStatus().getPhase().equals("Running")));
        Pod dns = k8s.pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list().getItems().get(0);
        assertEquals("ReplicaSet", dns.getMetadata().getOwnerReferences().get(0).getKind());
        assertEquals(dns.getMetadata().getName(),
                k8s.pods().inNamespace("kube-system").withName(dns.getMetadata().getName()).get().getMetadata().getName());
    }

    @Test
    void evictionHonoursPodDisruptionBudgetsWith429() {
        nodeGroup(3);
        h.clock.advance(Duration.ofSeconds(10));
        k8s.policy().v1().podDisruptionBudget().inNamespace("default").resource(new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withNewMinAvailable(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .endSpec().build()).create();
        var pdb = k8s.policy().v1().podDisruptionBudget().inNamespace("default").withName("web").get();
        assertEquals(1, pdb.getStatus().getDisruptionsAllowed());

        List<Pod> web = k8s.pods().inNamespace("default").withLabel("app", "web").list().getItems();
        assertTrue(k8s.pods().inNamespace("default").withName(web.get(0).getMetadata().getName())
                .evict(new io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder().withNewMetadata()
                        .withName(web.get(0).getMetadata().getName()).withNamespace("default").endMetadata().build()));
        assertFalse(k8s.pods().inNamespace("default").withName(web.get(1).getMetadata().getName()).evict(),
                "a second eviction would leave fewer than minAvailable healthy pods");
        assertNotNull(k8s.pods().inNamespace("default").withName(web.get(1).getMetadata().getName()).get());

        h.clock.advance(Duration.ofSeconds(10));
        assertTrue(k8s.pods().inNamespace("default").withName(web.get(1).getMetadata().getName()).evict(),
                "the evicted pod's replacement is running again, so the budget allows one more");
    }

    @Test
    void podOwnersAreServedReadOnlyAsKubectlDrainLooksThemUp() {
        nodeGroup(3);
        h.clock.advance(Duration.ofSeconds(10));
        var awsNode = k8s.apps().daemonSets().inNamespace("kube-system").withName("aws-node").get();
        assertEquals(3, awsNode.getStatus().getNumberReady());
        Pod web = k8s.pods().inNamespace("default").list().getItems().get(0);
        String replicaSet = web.getMetadata().getOwnerReferences().get(0).getName();
        assertEquals(3, k8s.apps().replicaSets().inNamespace("default").withName(replicaSet).get().getStatus()
                .getReadyReplicas());
        assertEquals(2, k8s.apps().deployments().inAnyNamespace().list().getItems().size());
        assertNull(k8s.apps().daemonSets().inNamespace("default").withName("aws-node").get());
    }

    @Test
    void kubectlGetsTablesWithNodeStatusAsItPrintsThem() throws Exception {
        nodeGroup(2);
        String node = k8s.nodes().list().getItems().get(0).getMetadata().getName();
        k8s.nodes().withName(node).patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"unschedulable\":true}}");
        h.kubernetes.markNodeNotReady("prod", node);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(apiUrl + "/api/v1/nodes"))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var table = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertEquals("Table", table.get("kind").asText());
        assertEquals("Status", table.get("columnDefinitions").get(1).get("name").asText());
        var statuses = new java.util.HashMap<String, String>();
        table.get("rows").forEach(r -> statuses.put(r.get("cells").get(0).asText(), r.get("cells").get(1).asText()));
        assertEquals("NotReady,SchedulingDisabled", statuses.get(node));
        assertEquals(2, statuses.size());
        assertTrue(statuses.values().contains("Ready"));
        assertEquals("Node", table.get("rows").get(0).get("object").get("kind").asText());
    }

    @Test
    void credentialsOtherThanABearerTokenAreRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var basic = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(apiUrl + "/api/v1/nodes"))
                .header("Authorization", "Basic dXNlcjpwYXNz").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, basic.statusCode());
        assertTrue(basic.body().contains("\"reason\":\"Unauthorized\""));
        var closed = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(h.host.url() + "/k8s/other/api/v1/nodes")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(503, closed.statusCode(), "a cluster whose API server is not open");
    }

    @Test
    void anInjectedFaultFailsOneKubernetesCallWithAStatus() {
        nodeGroup(1);
        h.faults.add(new dev.ekslifecycle.local.faults.FaultRule("kubernetes", "list/nodes", "prod",
                "InternalError", 500, "etcdserver: request timed out", 1.0, 1, null));
        KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> k8s.nodes().list());
        assertEquals(500, e.getCode());
        assertEquals("etcdserver: request timed out", e.getStatus().getMessage());
        assertEquals(1, k8s.nodes().list().getItems().size());
    }

    @Test
    void errorsAreKubernetesStatusObjects() {
        KubernetesClientException missing = assertThrows(KubernetesClientException.class,
                () -> k8s.nodes().withName("ip-1-2-3-4.ec2.internal").edit(n -> n));
        assertEquals(404, missing.getCode());
        assertEquals("NotFound", missing.getStatus().getReason());
        KubernetesClientException badSelector = assertThrows(KubernetesClientException.class,
                () -> k8s.pods().inAnyNamespace().withField("spec.colour", "x").list());
        assertEquals(400, badSelector.getCode());
    }

    @Test
    void aFaultHookMarksANodeNotReadyAndDegradesACondition() throws Exception {
        String group = nodeGroup(2);
        String node = k8s.nodes().list().getItems().get(0).getMetadata().getName();
        var http = java.net.http.HttpClient.newHttpClient();
        var notReady = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(h.host.url() + "/_local/compute/clusters/prod/nodes/" + node + "/not-ready"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(204, notReady.statusCode());
        var degraded = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(h.host.url() + "/_local/compute/clusters/prod/nodes/" + node + "/conditions"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"NetworkingReady\",\"healthy\":false,\"reason\":\"IPAMDNotRunning\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(204, degraded.statusCode());

        Node after = k8s.nodes().withName(node).get();
        assertEquals("False", condition(after, "Ready"));
        assertEquals("False", condition(after, "NetworkingReady"));
        assertFalse(h.nodeGroups.state(group).members().stream()
                .filter(m -> node.equals(m.nodeName())).findFirst().orElseThrow().nodeReady());
    }

    private static String condition(Node node, String type) {
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals(type))
                .map(NodeCondition::getStatus).findFirst().orElse("absent");
    }
}
