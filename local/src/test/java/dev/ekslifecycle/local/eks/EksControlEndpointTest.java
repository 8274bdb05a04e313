package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** The /_local/eks control routes over HTTP, observed through the EKS SDK client. */
class EksControlEndpointTest extends ManualClockEksTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(h.host.url() + "/_local/eks/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failNextMakesTheNextClusterCreateFail() throws Exception {
        assertEquals(204, post("clusters/doomed/fail-next",
                "{\"errorCode\":\"AccessDenied\",\"message\":\"role cannot be assumed\"}").statusCode());
        h.eks.createCluster(EksHarness.cluster("doomed").build());
        h.clock.advance(Duration.ofMinutes(12));

        var cluster = h.eks.describeCluster(b -> b.name("doomed")).cluster();
        assertEquals(ClusterStatus.FAILED, cluster.status());
        assertEquals("AccessDenied", cluster.health().issues().get(0).codeAsString());
        assertEquals("role cannot be assumed", cluster.health().issues().get(0).message());
        h.eks.deleteCluster(b -> b.name("doomed"));
    }

    @Test
    void failNextOnANodeGroupFailsItsNextUpdate() throws Exception {
        h.activeCluster("c", "1.30");
        h.activeNodegroup("c", "ng", 2);
        assertEquals(204, post("clusters/c/node-groups/ng/fail-next", "{\"errorCode\":\"PodEvictionFailure\"}")
                .statusCode());

        var update = h.eks.updateNodegroupConfig(b -> b.clusterName("c").nodegroupName("ng")
                .scalingConfig(s -> s.desiredSize(3))).update();
        h.clock.advance(Duration.ofMinutes(1));
        var failed = h.eks.describeUpdate(b -> b.name("c").nodegroupName("ng").updateId(update.id())).update();
        assertEquals(UpdateStatus.FAILED, failed.status());
        assertEquals("PodEvictionFailure", failed.errors().get(0).errorCodeAsString());
        var ng = h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup();
        assertEquals(NodegroupStatus.ACTIVE, ng.status());
        assertEquals(2, ng.scalingConfig().desiredSize(), "a failed update changes nothing");
    }

    @Test
    void insightsSetOverHttpBlockTheUpgrade() throws Exception {
        h.activeCluster("c", "1.30");
        var response = post("clusters/c/insights", """
                {"name": "Deprecated APIs removed in Kubernetes v1.31", "category": "UPGRADE_READINESS",
                 "kubernetesVersion": "1.31", "status": "ERROR", "reason": "flowcontrol v1beta3 in use"}""");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"ERROR\""));

        var listed = h.eks.listInsights(b -> b.clusterName("c").filter(f -> f.statuses(InsightStatusValue.ERROR)));
        assertEquals("flowcontrol v1beta3 in use", listed.insights().get(0).insightStatus().reason());
        try {
            h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
            throw new AssertionError("the upgrade should be blocked");
        } catch (InvalidRequestException expected) {
            assertTrue(expected.awsErrorDetails().errorMessage().contains("Upgrade readiness"));
        }
    }

    @Test
    void healthIssuesDegradeANodeGroupUntilCleared() throws Exception {
        h.activeCluster("c", "1.30");
        h.activeNodegroup("c", "ng", 2);
        var degraded = post("clusters/c/node-groups/ng/health", """
                {"issues": [{"code": "AsgInstanceLaunchFailures", "message": "Could not launch On-Demand Instances",
                             "resourceIds": ["eks-ng-c"]}]}""");
        assertEquals(200, degraded.statusCode());

        var ng = h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup();
        assertEquals(NodegroupStatus.DEGRADED, ng.status());
        assertEquals("AsgInstanceLaunchFailures", ng.health().issues().get(0).codeAsString());
        var update = h.eks.updateNodegroupConfig(b -> b.clusterName("c").nodegroupName("ng")
                .scalingConfig(s -> s.desiredSize(3))).update();
        assertEquals(UpdateStatus.IN_PROGRESS, update.status(), "a DEGRADED group can still be updated");
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(NodegroupStatus.DEGRADED, h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng"))
                .nodegroup().status(), "the update does not clear the issues");

        assertEquals(200, post("clusters/c/node-groups/ng/health", "{\"issues\": []}").statusCode());
        ng = h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup();
        assertEquals(NodegroupStatus.ACTIVE, ng.status());
        assertTrue(ng.health().issues().isEmpty());
    }

    @Test
    void badControlInputIsA400AndUnknownTargetsA404() throws Exception {
        assertEquals(400, post("clusters/c/fail-next", "{\"errorCode\":\"Nope\"}").statusCode());
        assertEquals(400, post("clusters/c/fail-next", "not json").statusCode());
        assertEquals(404, post("clusters/ghost/insights", """
                {"name": "x", "category": "MISCONFIGURATION", "kubernetesVersion": "1.31", "status": "ERROR"}""")
                .statusCode());
        h.activeCluster("c", "1.30");
        assertEquals(400, post("clusters/c/insights", """
                {"name": "x", "category": "SECURITY", "kubernetesVersion": "1.31", "status": "ERROR"}""")
                .statusCode());
        assertEquals(404, post("nothing-here", "{}").statusCode());
    }
}
