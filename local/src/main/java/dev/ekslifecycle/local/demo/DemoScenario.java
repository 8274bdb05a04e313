package dev.ekslifecycle.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The lifecycle a platform team runs, through the public REST API only: create a cluster with two managed node
 * groups, a Fargate profile and add-ons, show it, delete it (lifting deletion protection), with a live line per
 * step and a summary. Each later workflow (scaling, node replacement, upgrade) adds its act here.
 */
final class DemoScenario {

    static final String CLUSTER = "demo-payments";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final SignedApiClient api;
    private final SimulationClock clock;
    private final IntSupplier runningNodes;
    private final PrintStream out;
    private final Instant simulatedStart;

    DemoScenario(SignedApiClient api, SimulationClock clock, IntSupplier runningNodes, PrintStream out) {
        this.api = api;
        this.clock = clock;
        this.runningNodes = runningNodes;
        this.out = out;
        this.simulatedStart = clock.instant();
    }

    /** Runs the acts; returns false (having said why) when one fails. */
    boolean run(List<String> privateSubnets) throws Exception {
        long wallStart = System.nanoTime();
        SignedApiClient.Answer created = api.call("POST", "/clusters", spec(privateSubnets));
        if (created.status() != 202) {
            out.println("create refused: " + created.status() + " " + created.body());
            return false;
        }
        JsonNode createOp = follow("create", created.body().get("operationId").asText());
        if (!"SUCCEEDED".equals(createOp.path("status").asText())) {
            return false;
        }
        show();
        SignedApiClient.Answer deleting = api.call("DELETE", "/clusters/" + CLUSTER
                + "?disableDeletionProtection=true", null);
        if (deleting.status() != 202) {
            out.println("delete refused: " + deleting.status() + " " + deleting.body());
            return false;
        }
        JsonNode deleteOp = follow("delete", deleting.body().get("operationId").asText());
        if (!"SUCCEEDED".equals(deleteOp.path("status").asText())) {
            return false;
        }
        out.printf("%nsummary: cluster %s created (%d steps) and deleted (%d steps); %s simulated in %.1f s of wall "
                        + "time; every step is in GET /clusters/%s/operations%n", CLUSTER, createOp.get("steps").size(),
                deleteOp.get("steps").size(), elapsed(), (System.nanoTime() - wallStart) / 1e9, CLUSTER);
        return true;
    }

    /** Polls the operation, printing each new step with simulated time and the running node count. */
    private JsonNode follow(String act, String operationId) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int shown = 0;
        while (true) {
            JsonNode op = api.call("GET", "/operations/" + operationId, null).body();
            JsonNode steps = op.path("steps");
            for (; shown < steps.size(); shown++) {
                JsonNode step = steps.get(shown);
                out.printf("[%s sim] %-6s %-26s %-28s nodes=%d  %s%n", elapsed(), act, op.path("status").asText(),
                        step.get("step").asText(), runningNodes.getAsInt(), step.get("detail").asText());
            }
            String status = op.path("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                out.printf("[%s sim] %-6s %s%s%n", elapsed(), act, status,
                        op.has("error") ? ": " + op.get("error").get("message").asText() : "");
                return op;
            }
            if (System.nanoTime() > deadline) {
                out.println(act + " did not finish within " + GIVE_UP + " of wall time: " + op);
                return op;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void show() throws Exception {
        JsonNode cluster = api.call("GET", "/clusters/" + CLUSTER, null).body();
        JsonNode observed = cluster.path("observed");
        out.printf("%nGET /clusters/%s: %s, Kubernetes %s, endpoint %s%n", CLUSTER, observed.path("status").asText(),
                observed.path("version").asText(), observed.path("endpoint").asText());
        for (JsonNode ng : observed.path("nodegroups")) {
            out.printf("  node group %-10s %s%n", ng.path("name").asText(), ng.path("status").asText());
        }
        out.println();
    }

    private String elapsed() {
        Duration d = Duration.between(simulatedStart, clock.instant());
        return String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static ObjectNode spec(List<String> subnets) {
        ObjectNode spec = SignedApiClient.JSON.createObjectNode();
        spec.put("name", CLUSTER).put("version", "1.34")
                .put("roleArn", "arn:aws:iam::000000000000:role/eks-cluster");
        ArrayNode ids = spec.putArray("subnetIds");
        subnets.forEach(ids::add);
        spec.putObject("tags").put("team", "payments");
        ArrayNode groups = spec.putArray("nodegroups");
        groups.addObject().put("name", "general").put("nodeRoleArn", "arn:aws:iam::000000000000:role/eks-node")
                .put("minSize", 2).put("maxSize", 6).put("desiredSize", 3).putArray("instanceTypes").add("m6i.large");
        groups.addObject().put("name", "spot").put("nodeRoleArn", "arn:aws:iam::000000000000:role/eks-node")
                .put("capacityType", "SPOT").put("minSize", 0).put("maxSize", 4).put("desiredSize", 2)
                .putArray("instanceTypes").add("m6i.large").add("m5.large");
        ObjectNode profile = spec.putArray("fargateProfiles").addObject().put("name", "batch")
                .put("podExecutionRoleArn", "arn:aws:iam::000000000000:role/eks-fargate");
        profile.putArray("subnetIds").add(subnets.get(0));
        profile.putArray("selectors").addObject().put("namespace", "batch");
        ArrayNode addons = spec.putArray("addons");
        addons.addObject().put("name", "vpc-cni");
        addons.addObject().put("name", "coredns");
        addons.addObject().put("name", "kube-proxy");
        return spec;
    }
}
