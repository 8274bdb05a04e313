package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The optimized integrations with their own resource names: {@code dynamodb:getItem|putItem|updateItem|deleteItem},
 * {@code events:putEvents}, and the EKS create/delete actions with {@code .sync}, which poll the matching Describe
 * action on the clock (backing off from 5 to 60 seconds) until the resource is ACTIVE or gone, and fail when it
 * reaches a failed status.
 */
public final class OptimizedIntegration implements TaskIntegration {

    private static final Set<String> DYNAMODB = Set.of("getItem", "putItem", "updateItem", "deleteItem");
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);
    private static final Duration MAX_POLL = Duration.ofSeconds(60);

    /** How to watch an EKS resource that a create or delete action started. */
    private record Watch(String describe, String resultField, boolean creates, Set<String> failed, String... keys) {
    }

    private static final Map<String, Watch> EKS = Map.of(
            "createCluster", new Watch("describeCluster", "Cluster", true, Set.of("FAILED"), "Name"),
            "deleteCluster", new Watch("describeCluster", "Cluster", false, Set.of("FAILED"), "Name"),
            "createNodegroup", new Watch("describeNodegroup", "Nodegroup", true, Set.of("CREATE_FAILED"),
                    "ClusterName", "NodegroupName"),
            "deleteNodegroup", new Watch("describeNodegroup", "Nodegroup", false, Set.of("DELETE_FAILED"),
                    "ClusterName", "NodegroupName"),
            "createFargateProfile", new Watch("describeFargateProfile", "FargateProfile", true,
                    Set.of("CREATE_FAILED"), "ClusterName", "FargateProfileName"),
            "deleteFargateProfile", new Watch("describeFargateProfile", "FargateProfile", false,
                    Set.of("DELETE_FAILED"), "ClusterName", "FargateProfileName"));

    private final SdkCaller caller;
    private final SimulationClock clock;
    // by identity: two tasks may make equal calls
    private final Map<TaskCall, SimulationClock.Timer> polls =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    OptimizedIntegration(SdkCaller caller, SimulationClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public boolean serves(ResourceArn resource) {
        String action = resource.action();
        return switch (resource.service()) {
            case "dynamodb" -> DYNAMODB.contains(action) && !resource.pattern().isSync();
            case "events" -> action.equals("putEvents") && !resource.pattern().isSync();
            case "eks" -> EKS.containsKey(action);
            default -> false;
        };
    }

    @Override
    public CompletionStage<JsonNode> call(TaskCall call) {
        ResourceArn resource = call.resource();
        return OnClock.run(clock, result -> {
            switch (resource.service()) {
                case "dynamodb" -> result.complete(caller.call("dynamodb", resource.action(), call.parameters(),
                        "DynamoDB"));
                case "events" -> result.complete(caller.call("eventbridge", "putEvents", call.parameters(),
                        "EventBridge"));
                default -> {
                    JsonNode started = caller.call("eks", resource.action(), call.parameters(), "EKS");
                    if (resource.pattern().isSync()) {
                        poll(call, EKS.get(resource.action()), started, FIRST_POLL, result);
                    } else {
                        result.complete(started);
                    }
                }
            }
        });
    }

    private void poll(TaskCall call, Watch watch, JsonNode started, Duration wait,
            CompletableFuture<JsonNode> result) {
        polls.put(call, clock.scheduleAfter(wait, () -> {
            if (polls.remove(call) == null) {
                return;
            }
            try {
                check(call, watch, started, wait, result);
            } catch (RuntimeException e) {
                // a poll that breaks must fail the task, never leave it waiting for ever
                result.completeExceptionally(e instanceof StatesError ? e
                        : new StatesError(ErrorNames.TASK_FAILED, String.valueOf(e)));
            }
        }));
    }

    private void check(TaskCall call, Watch watch, JsonNode started, Duration wait,
            CompletableFuture<JsonNode> result) {
        ObjectNode key = Json.object();
        for (String k : watch.keys()) {
            key.set(k, call.parameters().path(k));
        }
        JsonNode described;
        try {
            described = caller.call("eks", watch.describe(), key, "EKS");
        } catch (StatesError e) {
            if (!watch.creates() && e.error().equals("EKS.ResourceNotFoundException")) {
                result.complete(started);
                return;
            }
            throw e;
        }
        String status = described.path(watch.resultField()).path("Status").asText();
        if (watch.failed().contains(status)) {
            result.completeExceptionally(new StatesError(ErrorNames.TASK_FAILED, Json.write(described)));
        } else if (watch.creates() && status.equals("ACTIVE")) {
            result.complete(described);
        } else {
            Duration next = wait.multipliedBy(3).dividedBy(2);
            poll(call, watch, started, next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next, result);
        }
    }

    @Override
    public void abandon(TaskCall call) {
        SimulationClock.Timer timer = polls.remove(call);
        if (timer != null) {
            timer.cancel();
        }
    }
}
