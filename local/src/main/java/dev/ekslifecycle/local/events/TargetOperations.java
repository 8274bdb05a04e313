package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PutTargets, RemoveTargets and ListTargetsByRule. */
final class TargetOperations {

    private static final int MAX_TARGETS_PER_CALL = 10;

    private final EventBridge events;

    TargetOperations(EventBridge events) {
        this.events = events;
    }

    void register(Map<String, Operation> table) {
        table.put("PutTargets", this::put);
        table.put("RemoveTargets", this::remove);
        table.put("ListTargetsByRule", this::list);
    }

    private ObjectNode put(JsonNode request) throws EventsException {
        JsonNode given = Operation.members(request, "Targets", MAX_TARGETS_PER_CALL);
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : given) {
            targets.add(target(t));
        }
        events.putTargets(Operation.text(request, "EventBusName"), BusOperations.required(request, "Rule"),
                targets);
        return noFailures();
    }

    private ObjectNode remove(JsonNode request) throws EventsException {
        events.removeTargets(Operation.text(request, "EventBusName"), BusOperations.required(request, "Rule"),
                Operation.texts(request, "Ids"));
        return noFailures();
    }

    private ObjectNode list(JsonNode request) throws EventsException {
        List<Target> targets = events.targets(Operation.text(request, "EventBusName"),
                BusOperations.required(request, "Rule"));
        return Operation.page(request, targets, "Targets", TargetOperations::render);
    }

    private static Target target(JsonNode t) {
        Target.InputTransformer transformer = null;
        JsonNode it = t.get("InputTransformer");
        if (it != null && !it.isNull()) {
            Map<String, String> paths = new LinkedHashMap<>();
            it.path("InputPathsMap").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asText()));
            transformer = new Target.InputTransformer(paths, Operation.text(it, "InputTemplate"));
        }
        Target.RetryPolicy retry = null;
        JsonNode policy = t.get("RetryPolicy");
        if (policy != null && !policy.isNull()) {
            retry = new Target.RetryPolicy(
                    policy.path("MaximumRetryAttempts").asInt(Target.RetryPolicy.DEFAULT.maximumRetryAttempts()),
                    policy.path("MaximumEventAgeInSeconds").asInt(
                            Target.RetryPolicy.DEFAULT.maximumEventAgeInSeconds()));
        }
        return new Target(Operation.text(t, "Id"), Operation.text(t, "Arn"), Operation.text(t, "RoleArn"),
                Operation.text(t, "Input"), Operation.text(t, "InputPath"), transformer, retry,
                Operation.text(t.path("DeadLetterConfig"), "Arn"));
    }

    private static ObjectNode render(Target target) {
        ObjectNode out = Operation.JSON.createObjectNode().put("Id", target.id()).put("Arn", target.arn());
        RuleOperations.putIfSet(out, "RoleArn", target.roleArn());
        RuleOperations.putIfSet(out, "Input", target.input());
        RuleOperations.putIfSet(out, "InputPath", target.inputPath());
        if (target.retryPolicy() != null) {
            out.putObject("RetryPolicy").put("MaximumRetryAttempts", target.retryPolicy().maximumRetryAttempts())
                    .put("MaximumEventAgeInSeconds", target.retryPolicy().maximumEventAgeInSeconds());
        }
        if (target.deadLetterArn() != null) {
            out.putObject("DeadLetterConfig").put("Arn", target.deadLetterArn());
        }
        if (target.transformer() != null) {
            ObjectNode it = out.putObject("InputTransformer");
            ObjectNode paths = it.putObject("InputPathsMap");
            target.transformer().inputPathsMap().forEach(paths::put);
            it.put("InputTemplate", target.transformer().inputTemplate());
        }
        return out;
    }

    private static ObjectNode noFailures() {
        ObjectNode out = Operation.JSON.createObjectNode().put("FailedEntryCount", 0);
        out.putArray("FailedEntries");
        return out;
    }
}
